package io.switchboard.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker from the Kafka jars on Maven Central: KRaft, one node acting as broker and
 * controller, listening on 127.0.0.1 only, run as its own JVM on this JVM's class path. Its log directory is
 * formatted once and kept, so a stopped broker starts again with its topics and offsets.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path directory;
    private final int port;
    private Process process;

    private LocalKafka(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Starts a broker on {@code port} (its controller on {@code controllerPort}), data under {@code directory}. */
    public static LocalKafka start(Path directory, int port, int controllerPort) {
        LocalKafka kafka = new LocalKafka(directory, port);
        kafka.configure(controllerPort);
        kafka.start();
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker again after {@link #stop()}, on the same port and data. */
    public void start() {
        process = java("kafka.Kafka", directory.resolve("server.properties").toString());
        awaitReady();
    }

    /** Stops the broker (controlled shutdown) but keeps its data, to simulate an outage. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void configure(int controllerPort) {
        Path logs = directory.resolve("data");
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logs,
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("server.properties"), properties);
            Files.writeString(directory.resolve("logback.xml"), """
                    <configuration>
                      <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                        <file>%s</file>
                        <encoder><pattern>%%d %%-5level %%logger{30} - %%msg%%n</pattern></encoder>
                      </appender>
                      <root level="INFO"><appender-ref ref="FILE"/></root>
                    </configuration>
                    """.formatted(directory.resolve("broker.log")));
            if (!Files.exists(logs.resolve("meta.properties"))) {
                Process format = java("kafka.tools.StorageTool", "format", "--cluster-id",
                        Uuid.randomUuid().toString(), "--config", directory.resolve("server.properties").toString(),
                        "--ignore-formatted");
                if (format.waitFor() != 0) {
                    throw new IllegalStateException("formatting the Kafka log directory failed; see "
                            + directory.resolve("format.log"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Process java(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xms128m", "-Xmx512m",
                "-Dlogback.configurationFile=" + directory.resolve("logback.xml"),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(arguments));
        try {
            String logName = mainClass.endsWith("StorageTool") ? "format.log" : "broker-stdout.log";
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve(logName).toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass, e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see "
                        + directory.resolve("broker.log"));
            }
            try (Admin admin = Admin.create(config)) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("Kafka was not ready within " + START_TIMEOUT);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
