package io.switchboard.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as its own JVM, its output in a log file, healthy when its Actuator health says UP. */
final class ServiceProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static ServiceProcess start(String name, Path jar, int port, Path log, Map<String, String> environment) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not built: " + jar + " is missing (run ./mvnw package)");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms256m", "-Xmx768m",
                "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            return new ServiceProcess(name, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    void awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> reply = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200 && reply.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; see " + log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM first, so Spring shuts down gracefully and Axon releases its tokens; killed after a grace period. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
