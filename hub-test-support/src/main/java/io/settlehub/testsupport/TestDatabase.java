package io.settlehub.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database on the machine's real PostgreSQL for one test class. The server is
 * {@code HUB_TEST_PG} (default {@code 127.0.0.1:5432}, user {@code postgres}, trust auth as on the CI machine).
 */
public final class TestDatabase {

    private static final String SERVER = envOr("HUB_TEST_PG", "127.0.0.1:5432");
    private static final String USER = envOr("HUB_TEST_PG_USER", "postgres");
    private static final String PASSWORD = envOr("HUB_TEST_PG_PASSWORD", "");

    private TestDatabase() {
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String createFresh(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " is needed for this test (start it, or set HUB_TEST_PG)", e);
        }
        return "jdbc:postgresql://" + SERVER + "/" + name;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
