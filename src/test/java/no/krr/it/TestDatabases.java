package no.krr.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for each deployment, so that every test class starts from an empty
 * register as it does on the embedded database. The databases are dropped when the test JVM ends.
 */
final class TestDatabases {

    static final String USER = "postgres";

    private TestDatabases() {
    }

    /** Creates a database on the server of {@code baseUrl} (e.g. {@code jdbc:postgresql://127.0.0.1:55432/}). */
    static String fresh(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        String name = "krr_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(base + "postgres", "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute(base + "postgres", "drop database if exists " + name + " with (force)");
            } catch (RuntimeException e) {
                // the server may be gone already (CI stops it); nothing to keep
            }
        }));
        return base + name;
    }

    /** The single number a query answers, e.g. a {@code count(*)}. */
    static long number(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, USER, "");
             Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for the container tests at " + url + ": " + e.getMessage(), e);
        }
    }

    static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for the container tests at " + url + ": " + e.getMessage(), e);
        }
    }
}
