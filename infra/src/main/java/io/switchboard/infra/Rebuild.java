package io.switchboard.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.common.Role;
import io.switchboard.support.identity.DevTokens;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./switchboard rebuild [all|PROJECTION] [--query-url URL] [--token TOKEN]}: empties one read model, or all
 * of them, and replays the event store into it through the query service (SPEC §5), printing the progress every
 * second and a summary at the end. The token defaults to a PLATFORM_ADMIN development token signed with the local
 * stack's secret; the query service to the local one. Exits 0 once the rebuild completed, 1 if it failed.
 */
public final class Rebuild {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofSeconds(1);

    private Rebuild() {
    }

    public static void main(String[] args) throws InterruptedException {
        String projection = "all";
        String queryUrl = "http://127.0.0.1:8081";
        String token = null;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            switch (arg) {
                case "--query-url" -> queryUrl = value(rest, arg);
                case "--query-port" -> queryUrl = "http://127.0.0.1:" + Integer.parseInt(value(rest, arg));
                case "--token" -> token = value(rest, arg);
                default -> {
                    if (arg.startsWith("--")) {
                        usage("unknown option " + arg);
                    }
                    projection = arg;
                }
            }
        }
        if (token == null) {
            Path home = Path.of(System.getProperty("switchboard.home", ".")).toAbsolutePath().normalize();
            String secret = new Workspace(home.resolve(".switchboard")).secret();
            token = DevTokens.mint(secret, "switchboard-rebuild", "platform", List.of(Role.PLATFORM_ADMIN),
                    Instant.now(), Duration.ofHours(12));
        }
        try {
            JsonNode job = run(queryUrl, token, projection, System.out);
            System.exit(job.path("status").asText().equals("COMPLETED") ? 0 : 1);
        } catch (IllegalStateException failure) {
            System.err.println(failure.getMessage());
            System.exit(1);
        }
    }

    /** Starts the rebuild and follows it to its end; answers the job as it ended (status COMPLETED or FAILED). */
    public static JsonNode run(String queryUrl, String token, String projection, PrintStream out)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JsonNode job = send(http, HttpRequest.newBuilder(URI.create(queryUrl + "/api/v1/admin/projections/"
                + projection + "/rebuild")).POST(HttpRequest.BodyPublishers.noBody()), token, 202);
        String id = job.path("id").asText();
        out.printf("Rebuilding %s (job %s)%n", String.join(", ", strings(job.path("projections"))), id);
        URI progress = URI.create(queryUrl + "/api/v1/admin/projections/rebuilds/" + id);
        boolean totalShown = false;
        while (job.path("status").asText().equals("RUNNING")) {
            Thread.sleep(POLL.toMillis());
            job = send(http, HttpRequest.newBuilder(progress).GET(), token, 200);
            long total = job.path("eventsTotal").asLong();
            if (!totalShown && total > 0) {
                out.printf("  replaying %,d events from the event store%n", total);
                totalShown = true;
            }
            if (job.path("status").asText().equals("RUNNING")) {
                out.println("  " + progressLine(job));
            }
        }
        out.println(job.path("status").asText().equals("COMPLETED") ? summary(job)
                : "Rebuild failed: " + job.path("error").asText());
        return job;
    }

    /** e.g. {@code 412,300 / 1,000,000 events (41.2%)  10,412 events/s  56s left}. */
    static String progressLine(JsonNode job) {
        long total = job.path("eventsTotal").asLong();
        long done = job.path("eventsDone").asLong();
        double percent = total == 0 ? 0 : 100.0 * done / total;
        JsonNode left = job.path("secondsLeft");
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%,d / %,d events (%.1f%%)  %,.0f events/s",
                done, total, percent, job.path("eventsPerSecond").asDouble()));
        line.append(left.isNull() || left.isMissingNode() ? "  time left unknown"
                : "  " + duration(left.asLong()) + " left");
        for (JsonNode projection : job.path("progress")) {
            if (!projection.path("error").isNull() && !projection.path("error").isMissingNode()) {
                line.append(String.format("%n    %s: %s", projection.path("name").asText(),
                        projection.path("error").asText()));
            }
        }
        return line.toString();
    }

    /** e.g. {@code Rebuilt 5 projections from 1,000,000 events in 1m38s: 10,204 events/s.} */
    static String summary(JsonNode job) {
        List<String> projections = strings(job.path("projections"));
        return String.format(Locale.ROOT, "Rebuilt %s from %,d events in %s: %,.0f events/s.",
                projections.size() == 1 ? projections.get(0) : projections.size() + " projections ("
                        + String.join(", ", projections) + ")",
                job.path("eventsTotal").asLong(), duration(Math.round(job.path("elapsedSeconds").asDouble())),
                job.path("eventsPerSecond").asDouble());
    }

    private static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format("%02ds", seconds % 60);
        }
        return seconds / 3600 + "h" + String.format("%02dm", seconds % 3600 / 60);
    }

    private static JsonNode send(HttpClient http, HttpRequest.Builder request, String token, int expected) {
        try {
            HttpResponse<String> reply = http.send(request.header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = reply.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(reply.body());
            if (reply.statusCode() != expected) {
                throw new IllegalStateException("the query service answered " + reply.statusCode() + ": "
                        + body.path("detail").asText(reply.body()));
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the query service at " + request.build().uri()
                    + " (is the stack up? --query-url names another one): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String value(List<String> rest, String option) {
        if (rest.isEmpty()) {
            usage(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: switchboard rebuild [all|number-view|agent-view|usage-view|org-policy-view|"
                + "number-history] [--query-url http://127.0.0.1:8081 | --query-port 8081] [--token TOKEN]");
        System.exit(2);
    }
}
