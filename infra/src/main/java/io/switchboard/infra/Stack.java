package io.switchboard.infra;

import io.switchboard.support.identity.DevTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole system on one machine: PostgreSQL (local, unless a database URL is given), a Kafka broker, the
 * command service and the query service as their own processes. Closing it stops them in reverse order.
 */
public final class Stack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    /** {@code twilioApiUrl}, when not null, is where the command service finds Twilio's API (a stand-in's). */
    public record Options(Path home, Workspace workspace, int postgresPort, int kafkaPort, int commandPort,
                          int queryPort, ExternalDatabase externalDatabase, String twilioApiUrl) {

        public Options(Path home, Workspace workspace, int postgresPort, int kafkaPort, int commandPort,
                       int queryPort, ExternalDatabase externalDatabase) {
            this(home, workspace, postgresPort, kafkaPort, commandPort, queryPort, externalDatabase, null);
        }
    }

    /** A PostgreSQL server the operator runs, used instead of the local one. */
    public record ExternalDatabase(String url, String user, String password) {
    }

    private final List<AutoCloseable> started = new ArrayList<>();
    private final String databaseUrl;
    private final String kafkaBootstrapServers;
    private final ServiceProcess commandService;
    private final ServiceProcess queryService;

    private Stack(Options options) {
        ExternalDatabase database = options.externalDatabase();
        Map<String, String> environment = new HashMap<>();
        if (database == null) {
            LocalPostgres postgres = LocalPostgres.start(options.workspace().postgresData(), options.postgresPort());
            started.add(postgres);
            String password = options.workspace().databasePassword();
            postgres.ensureServiceLogin(password);
            databaseUrl = postgres.jdbcUrl();
            database = new ExternalDatabase(postgres.serviceJdbcUrl(), LocalPostgres.SERVICE_LOGIN, password);
            // the superuser owns the schemas and migrates them; the services serve with least privilege
            environment.put("SPRING_FLYWAY_USER", "postgres");
            environment.put("SPRING_FLYWAY_PASSWORD", "");
        } else {
            databaseUrl = database.url();
        }
        LocalKafka kafka = LocalKafka.start(options.workspace().kafkaData(), options.kafkaPort(),
                options.kafkaPort() + 1);
        started.add(kafka);
        kafkaBootstrapServers = kafka.bootstrapServers();
        environment.putAll(Map.of(
                "SPRING_DATASOURCE_URL", database.url(),
                "SPRING_DATASOURCE_USERNAME", database.user(),
                "SPRING_DATASOURCE_PASSWORD", database.password(),
                "SWITCHBOARD_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers));
        environment.putAll(DevTokens.environment(options.workspace().secret()));
        Map<String, String> commandEnvironment = withCredentialsKey(environment, options.workspace());
        if (options.twilioApiUrl() != null) {
            commandEnvironment.put("SWITCHBOARD_TWILIO_API_URL", options.twilioApiUrl());
        }
        commandService = service("command-service", options, options.commandPort(), commandEnvironment);
        queryService = service("query-service", options, options.queryPort(), environment);
    }

    /**
     * The command service alone keeps provider credentials: it gets the workspace's key, unless the operator set
     * the keys in the environment (which the service inherits).
     */
    private static Map<String, String> withCredentialsKey(Map<String, String> environment, Workspace workspace) {
        Map<String, String> withKey = new HashMap<>(environment);
        if (System.getenv("SWITCHBOARD_CREDENTIALS_ACTIVE_KEY") != null) {
            return withKey;
        }
        withKey.put("SWITCHBOARD_CREDENTIALS_ACTIVE_KEY", Workspace.CREDENTIALS_KEY_ID);
        withKey.put("SWITCHBOARD_CREDENTIALS_KEYS_" + Workspace.CREDENTIALS_KEY_ID.toUpperCase(Locale.ROOT),
                workspace.credentialsKey());
        return withKey;
    }

    public static Stack start(Options options) {
        Stack stack = new Stack(options);
        try {
            stack.commandService.awaitHealthy(START_TIMEOUT);
            stack.queryService.awaitHealthy(START_TIMEOUT);
            return stack;
        } catch (RuntimeException failure) {
            stack.close();
            throw failure;
        }
    }

    private ServiceProcess service(String name, Options options, int port, Map<String, String> environment) {
        ServiceProcess process = ServiceProcess.start(name, runnableJar(options.home(), name), port,
                options.workspace().log(name), environment);
        started.add(process);
        return process;
    }

    private static Path runnableJar(Path home, String module) {
        Path target = home.resolve(module).resolve("target");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            if (!Files.isDirectory(target)) {
                return target.resolve(module + "-exec.jar");
            }
            throw new UncheckedIOException(e);
        }
        return target.resolve(module + "-exec.jar");
    }

    public String commandUrl() {
        return commandService.baseUrl();
    }

    public String queryUrl() {
        return queryService.baseUrl();
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    List<ServiceProcess> services() {
        return List.of(commandService, queryService);
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
        started.clear();
    }
}
