package io.switchboard.query.testing;

import io.switchboard.query.sql.ProjectionWrites;
import io.switchboard.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/** Schemas on the tests' one PostgreSQL server, migrated by the same Flyway scripts the services run. */
public final class Databases {

    private Databases() {
    }

    /** The command service's event store, which the query service reads; created once, kept across contexts. */
    public static void migrateEventStore() {
        Flyway.configure()
                .dataSource(dataSource("command"))
                .schemas("command")
                .defaultSchema("command")
                .locations("classpath:db/eventstore")
                .load()
                .migrate();
    }

    /** A schema of its own with freshly migrated, empty read-model tables. */
    public static JdbcClient freshReadModels(String schema) {
        DataSource dataSource = dataSource(schema);
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .locations("classpath:db/query")
                .cleanDisabled(false)
                .load();
        flyway.clean();
        flyway.migrate();
        return JdbcClient.create(dataSource);
    }

    /** The projections' writes into a schema that {@link #freshReadModels} prepared. */
    public static ProjectionWrites writes(String schema) {
        return new ProjectionWrites(dataSource(schema));
    }

    private static DataSource dataSource(String schema) {
        // TestDatabase hands out its credentials only as Spring properties
        Map<String, Supplier<Object>> settings = new HashMap<>();
        TestDatabase.register(settings::put, schema);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                String.valueOf(settings.get("spring.datasource.url").get()),
                String.valueOf(settings.get("spring.datasource.username").get()),
                String.valueOf(settings.get("spring.datasource.password").get()));
        Properties connection = new Properties();
        connection.setProperty("currentSchema", schema);
        dataSource.setConnectionProperties(connection);
        return dataSource;
    }
}
