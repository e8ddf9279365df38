package io.northstar.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
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
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (Driver driver : ServiceLoader.load(Driver.class, loader != null ? loader : JdbcConnections.class.getClassLoader())) {
            if (driver.acceptsURL(url)) {
                Connection connection = driver.connect(url, properties);
                if (connection != null) {
                    return connection;
                }
            }
        }
        return DriverManager.getConnection(url, properties);
    }
}
