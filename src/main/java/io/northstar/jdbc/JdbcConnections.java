package io.northstar.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;

/** Opens connections the same way on the driver and on executors. */
public final class JdbcConnections {
    private JdbcConnections() {
    }

    /**
     * A connection to the URL. The drivers are looked up through the context class loader first:
     * on a cluster the application jar sits in a child loader that DriverManager does not search.
     */
    public static Connection open(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        Optional<Driver> driver = driver(url);
        if (driver.isPresent()) {
            Connection connection = driver.get().connect(url, properties);
            if (connection != null) {
                return connection;
            }
        }
        return DriverManager.getConnection(url, properties);
    }

    /**
     * Checks, without connecting, that Northstar speaks the URL's database and that its driver
     * takes the URL and can parse it (a port that is not a number, an option of the wrong
     * type), so that a job file or a command line fails at validation, not after retries.
     *
     * @throws IllegalArgumentException saying what is wrong, without the URL's credentials
     */
    public static void requireUsable(String url) {
        Dialect.of(url);
        JdbcUrls.Login login = JdbcUrls.Login.of(url, null, null);
        try {
            Optional<Driver> driver = driver(login.url());
            // the drivers parse the URL here, the way they do when connecting
            (driver.isPresent() ? driver.get() : DriverManager.getDriver(login.url()))
                    .getPropertyInfo(login.url(), new Properties());
        } catch (SQLException e) {
            throw new IllegalArgumentException("the database driver cannot use " + JdbcUrls.withoutCredentials(url)
                    + ": " + JdbcUrls.redact(e.getMessage(), login.url(), login.password()));
        }
    }

    private static Optional<Driver> driver(String url) throws SQLException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (Driver driver : ServiceLoader.load(Driver.class, loader != null ? loader : JdbcConnections.class.getClassLoader())) {
            if (driver.acceptsURL(url)) {
                return Optional.of(driver);
            }
        }
        return Optional.empty();
    }
}
