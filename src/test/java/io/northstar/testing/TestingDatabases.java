package io.northstar.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * The database servers of the project's machines (PostgreSQL on 127.0.0.1:5432 as postgres,
 * MariaDB on 127.0.0.1:3306 as root, both without password). Each test database is created on
 * first use. A server that cannot be reached fails the test under CI=true, and skips it with
 * the reason on a developer machine.
 */
public final class TestingDatabases {
    public static final String DATABASE = "northstar_test";
    public static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String MARIADB_SERVER = "jdbc:mariadb://127.0.0.1:3306/";

    private TestingDatabases() {
    }

    /** A URL of the PostgreSQL test database; user postgres, no password. */
    public static String postgres() {
        String admin = POSTGRES_SERVER + "postgres?connectTimeout=5";
        try (Connection connection = reach("PostgreSQL", admin, "postgres");
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: cannot create " + DATABASE, e);
        }
        return POSTGRES_SERVER + DATABASE;
    }

    /** A URL of the MariaDB test database; user root, no password. */
    public static String mariadb() {
        try (Connection connection = reach("MariaDB", MARIADB_SERVER + "?connectTimeout=5000", "root");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB: cannot create " + DATABASE, e);
        }
        return MARIADB_SERVER + DATABASE;
    }

    /**
     * A MariaDB user with a password (root has none), allowed everything on the test databases
     * ({@code northstar_*}): for checks that a password given in a URL works and leaks nowhere.
     */
    public static String mariadbUserWithPassword(String user, String password) {
        mariadb();
        try (Connection connection = reach("MariaDB", MARIADB_SERVER + "?connectTimeout=5000", "root");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
            statement.execute("GRANT ALL PRIVILEGES ON `northstar\\_%`.* TO '" + user + "'@'%'");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB: cannot create user " + user, e);
        }
        return MARIADB_SERVER + DATABASE;
    }

    private static Connection reach(String server, String url, String user) {
        try {
            return DriverManager.getConnection(url, user, "");
        } catch (SQLException e) {
            String why = server + " is not reachable at " + url + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + ": CI must provide it (.ci/run starts it)");
            }
            Assumptions.abort(why + ": skipping; start it to run this test");
            throw new AssertionError("unreachable");
        }
    }
}
