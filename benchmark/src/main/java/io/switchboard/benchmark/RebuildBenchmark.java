package io.switchboard.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.agent.AgentRegistered;
import io.switchboard.api.agent.AgentRenamed;
import io.switchboard.api.assignment.AssignedToAgent;
import io.switchboard.api.assignment.AssignmentLimitsChanged;
import io.switchboard.api.assignment.CallCounted;
import io.switchboard.api.assignment.CallRefusal;
import io.switchboard.api.assignment.CallRefused;
import io.switchboard.api.assignment.UnassignReason;
import io.switchboard.api.assignment.UnassignedFromAgent;
import io.switchboard.api.common.Capability;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.common.Role;
import io.switchboard.api.number.NumberDetails;
import io.switchboard.api.number.NumberDetailsChanged;
import io.switchboard.api.number.NumberImported;
import io.switchboard.api.number.NumberReleased;
import io.switchboard.api.number.NumberTransferred;
import io.switchboard.api.org.OrgPolicyChanged;
import io.switchboard.infra.Rebuild;
import io.switchboard.support.axon.AxonSerializationConfiguration;
import io.switchboard.support.identity.DevTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * How fast the read models are rebuilt from a large event store (SPEC §5; target: at least 10,000 events/s). Starts
 * a fresh PostgreSQL, creates the event store with the command service's migrations, bulk-inserts a realistic store
 * with plain JDBC (orgs with policies, agents, numbers imported and changed, assignments with limits, then mostly
 * calls counted and refused over a month, transfers and releases at the end), starts the query service on it, waits
 * for its first build, then runs {@code ./switchboard rebuild all}'s client against it and reports the rate. The
 * command service and Kafka are not started: a rebuild involves only the event store and the query service.
 * <p>
 * {@code java -cp "benchmark/target/classes:$(cat benchmark/target/runtime.classpath)"
 * io.switchboard.benchmark.RebuildBenchmark --events 1000000} (after {@code ./mvnw -DskipTests package}).
 */
public final class RebuildBenchmark {

    private static final ObjectMapper JSON = AxonSerializationConfiguration.eventObjectMapper();
    private static final int BATCH = 2_000;

    private RebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        long events = Long.parseLong(options.getOrDefault("events", "1000000"));
        List<String> rebuilds = List.of(options.getOrDefault("projections", "all").split(","));
        List<String> jvmOptions = options.containsKey("jvm") ? List.of(options.get("jvm").split(" ")) : List.of();
        Path report = Path.of(options.getOrDefault("report", "benchmark/reports/rebuild.md"));
        Path home = Path.of(System.getProperty("switchboard.home", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("switchboard-rebuild-benchmark");

        System.out.println("Starting PostgreSQL...");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("postgres")).setPort(freePort())
                .setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("max_connections", "200")
                .setServerConfig("synchronous_commit", "on")
                .start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            Flyway.configure().dataSource(url, "postgres", "").schemas("command").defaultSchema("command")
                    .locations("classpath:db/eventstore").load().migrate();

            System.out.printf("Inserting %,d events into the event store...%n", events);
            long insertStart = System.nanoTime();
            Store store = new Store(url, events);
            store.fill();
            double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
            System.out.printf("Inserted %,d events in %.0f s (%,.0f rows/s): %s%n", store.written, insertSeconds,
                    store.written / insertSeconds, store.mix());

            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            int port = freePort();
            String queryUrl = "http://127.0.0.1:" + port;
            Process query = startQueryService(home, port, url, secret, work.resolve("query-service.log"), jvmOptions);
            try {
                String token = DevTokens.mint(secret, "benchmark", "platform", List.of(Role.PLATFORM_ADMIN),
                        Instant.now(), Duration.ofHours(12));
                long startNanos = System.nanoTime();
                awaitHealthy(query, queryUrl, work.resolve("query-service.log"));
                System.out.println("Query service up; waiting for its first build of the read models...");
                double firstBuild = awaitPositions(queryUrl, token, store.written, startNanos);
                System.out.printf("First build (service start included): %.0f s, %,.0f events/s%n", firstBuild,
                        store.written / firstBuild);

                List<String> rows = new ArrayList<>();
                String status = "";
                for (String projection : rebuilds) {
                    long clientStart = System.nanoTime();
                    JsonNode job = Rebuild.run(queryUrl, token, projection.strip(), System.out);
                    double clientSeconds = (System.nanoTime() - clientStart) / 1e9;
                    rows.add(rows(job, clientSeconds));
                    status += projection + ": " + job.path("status").asText()
                            + (job.path("error").isNull() ? "" : " " + job.path("error").asText()) + ". ";
                }
                String text = report(store, insertSeconds, firstBuild, String.join("\n", rows), status);
                Files.createDirectories(report.toAbsolutePath().getParent());
                Files.writeString(report, text);
                System.out.println(text);
                long hold = Long.parseLong(options.getOrDefault("hold-seconds", "0"));
                if (hold > 0) {
                    System.out.printf("Query service kept up for %d s at %s; a PLATFORM_ADMIN token:%n%s%n", hold,
                            queryUrl, token);
                    Thread.sleep(TimeUnit.SECONDS.toMillis(hold));
                }
            } finally {
                query.destroy();
                if (!query.waitFor(30, TimeUnit.SECONDS)) {
                    query.destroyForcibly().waitFor();
                }
            }
        }
    }

    private static String report(Store store, double insertSeconds, double firstBuild, String rebuildRows,
                                 String status) {
        return String.format(Locale.ROOT, """
                # Rebuild benchmark

                Run: %s, %d cores, Java %s. PostgreSQL and the query service on this machine (no command service, no
                Kafka: a rebuild reads only the event store). Event store: %,d events inserted with JDBC in %.0f s
                (%s).

                | what | projections | events | seconds | events/s |
                |---|---|---|---|---|
                | first build (service start included) | all | %,d | %.1f | %,.0f |
                %s

                Status: %s Target: >= 10,000 events/s.
                """, Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                store.written, insertSeconds, store.mix(), store.written, firstBuild, store.written / firstBuild,
                rebuildRows, status);
    }

    private static String rows(JsonNode job, double clientSeconds) {
        long total = job.path("eventsTotal").asLong();
        return String.format(Locale.ROOT, """
                | rebuild (the job's own figures) | %s | %,d | %.1f | %,.0f |
                | rebuild (client wall clock, POST to COMPLETED seen) | %s | %,d | %.1f | %,.0f |""",
                projections(job), total, job.path("elapsedSeconds").asDouble(), job.path("eventsPerSecond").asDouble(),
                projections(job), total, clientSeconds, total / clientSeconds);
    }

    private static String projections(JsonNode job) {
        List<String> names = new ArrayList<>();
        job.path("projections").forEach(name -> names.add(name.asText()));
        return String.join(", ", names);
    }

    private static Process startQueryService(Path home, int port, String jdbcUrl, String secret, Path log,
                                             List<String> jvmOptions) throws IOException {
        Path target = home.resolve("query-service").resolve("target");
        Path jar;
        try (var jars = Files.newDirectoryStream(target, "query-service-*-exec.jar")) {
            jar = jars.iterator().next();
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xms256m", "-Xmx768m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(Map.of(
                "SPRING_DATASOURCE_URL", jdbcUrl,
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "",
                "AXONIQ_UPDATE_CHECKER_DISABLED", "true"));
        builder.environment().putAll(DevTokens.environment(secret));
        System.out.println("Starting the query service (log: " + log + ")...");
        return builder.start();
    }

    private static void awaitHealthy(Process process, String baseUrl, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the query service exited; see " + log);
            }
            try {
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the query service was not healthy in time; see " + log);
    }

    /** Waits until every projection's position reached {@code head}; answers the seconds since {@code since}. */
    private static double awaitPositions(String baseUrl, String token, long head, long since) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/admin/projections"))
                .header("Authorization", "Bearer " + token).build();
        long lastPrint = 0;
        while (true) {
            JsonNode projections = new ObjectMapper().readTree(http.send(request,
                    HttpResponse.BodyHandlers.ofString()).body());
            long slowest = Long.MAX_VALUE;
            for (JsonNode projection : projections) {
                slowest = Math.min(slowest, projection.path("position").asLong());
            }
            if (projections.size() > 0 && slowest >= head) {
                return (System.nanoTime() - since) / 1e9;
            }
            if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(5)) {
                System.out.printf("  first build: %,d / %,d%n", Math.max(0, slowest == Long.MAX_VALUE ? 0 : slowest),
                        head);
                lastPrint = System.nanoTime();
            }
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * A realistic store, written in the order the events would have happened: per 10,000 events one org (a time
     * zone for two orgs in three, ten agents, a hundred numbers, eighty of them assigned); then calls over thirty
     * days on random assignments, counted up to the daily limit and refused beyond it (and 3% refused for the
     * destination country); at the end some transfers (ending their assignments) and releases.
     */
    private static final class Store {

        private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "");
        private static final int DAYS = 30;

        private final String url;
        private final long target;
        private final Random random = new Random(7);
        private final Map<String, Long> sequences = new HashMap<>();
        private final Map<String, Integer> byType = new HashMap<>();
        private final List<Line> lines = new ArrayList<>();
        private Connection connection;
        private PreparedStatement insert;
        private int pending;
        private long written;
        private int orgs;
        private Instant now = Instant.parse("2025-01-01T06:00:00Z");

        private record Line(String org, String numberId, String e164, String agentId, String owner,
                            String assignmentId, int dailyLimit, Map<String, Integer> callsByDay) {
        }

        Store(String url, long target) {
            this.url = url;
            this.target = target;
        }

        void fill() throws SQLException {
            try (Connection opened = DriverManager.getConnection(url + "?reWriteBatchedInserts=true", "postgres",
                    "")) {
                connection = opened;
                connection.setAutoCommit(false);
                insert = connection.prepareStatement("""
                        INSERT INTO command.domain_event_entry (global_index, event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, ?, ?, ?, ?, '1', ?, ?)""");
                long orgCount = Math.max(1, target / 10_000);
                for (int o = 0; o < orgCount; o++) {
                    org("org-" + o, ZONES.get(o % ZONES.size()), o);
                }
                long closing = Math.max(10, lines.size() / 20);
                long calls = target - written - 2 * closing;
                for (long c = 0; c < calls; c++) {
                    now = now.plusMillis(DAYS * 86_400_000L / Math.max(1, calls));
                    call(lines.get(random.nextInt(lines.size())));
                }
                for (int i = 0; i < closing && written < target; i++) {
                    Line line = lines.get(i * 7 % lines.size());
                    if (i % 2 == 0) {
                        add("PhoneNumber", line.numberId(), new NumberTransferred(line.numberId(), line.org(),
                                line.owner(), line.owner() + "-2"), line.owner());
                        add("Assignment", line.assignmentId(), new UnassignedFromAgent(line.assignmentId(),
                                line.numberId(), line.org(), line.agentId(), UnassignReason.NUMBER_TRANSFERRED),
                                line.owner());
                    } else {
                        add("Assignment", line.assignmentId(), new UnassignedFromAgent(line.assignmentId(),
                                line.numberId(), line.org(), line.agentId(), UnassignReason.REQUESTED), line.owner());
                        add("PhoneNumber", line.numberId(), new NumberReleased(line.numberId(), line.org(),
                                line.e164()), line.owner());
                    }
                }
                flush();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT setval('command.domain_event_entry_seq', " + written + ")");
                    statement.execute("ANALYZE command.domain_event_entry");
                }
                connection.commit();
            }
        }

        String mix() {
            long calls = byType.getOrDefault("CallCounted", 0) + byType.getOrDefault("CallRefused", 0);
            return String.format(Locale.ROOT, "%d orgs, %,d numbers assigned, %,d calls counted, %,d refused, %,d "
                            + "other events", orgs, lines.size(),
                    byType.getOrDefault("CallCounted", 0), byType.getOrDefault("CallRefused", 0), written - calls);
        }

        private void org(String org, String zone, int index) throws SQLException {
            orgs++;
            if (!zone.isEmpty()) {
                add("OrgPolicy", org, new OrgPolicyChanged(org, null, zone), "admin");
            }
            List<String> agents = new ArrayList<>();
            for (int a = 0; a < 10; a++) {
                String agent = UUID.randomUUID().toString();
                agents.add(agent);
                add("Agent", agent, new AgentRegistered(agent, org, "user-" + a % 5, null, "agent " + a), "admin");
                if (a % 4 == 0) {
                    add("Agent", agent, new AgentRenamed(agent, org, "agent " + a + " v2"), "admin");
                }
            }
            for (int n = 0; n < 100; n++) {
                now = now.plusSeconds(20);
                E164Number number = E164Number.parse(n % 2 == 0
                        ? String.format("+447700%06d", 100_000 + index * 100 + n)
                        : String.format("+4930%08d", 10_000_000 + index * 100 + n), null);
                String owner = "user-" + n % 5;
                String id = number.numberId();
                add("PhoneNumber", id, new NumberImported(id, org, number.value(), number.country().value(),
                        number.type(), Provider.values()[n % 4], owner, null, null,
                        new NumberDetails("line " + n, Set.of(Capability.VOICE), Map.of("team", "t" + n % 7), null,
                                Map.of("sid", "PN" + n), Map.of()), owner), owner);
                if (n % 3 == 0) {
                    add("PhoneNumber", id, new NumberDetailsChanged(id, org, new NumberDetails("line " + n + "*",
                            null, null, "https://hooks.example/" + n, null, null)), owner);
                }
                if (n % 5 == 4) {
                    continue;
                }
                String agent = agents.get(n % agents.size()); // owned by user-(n % 5), as the number (R11)
                String assignment = UUID.randomUUID().toString();
                int limit = 50 + 10 * (n % 10);
                add("Assignment", assignment, new AssignedToAgent(assignment, id, org, agent, limit,
                        Set.of(number.country().value())), owner);
                if (n % 10 == 1) {
                    limit += 20;
                    add("Assignment", assignment, new AssignmentLimitsChanged(assignment, id, org, limit,
                            Set.of(number.country().value(), "FR")), "admin");
                }
                lines.add(new Line(org, id, number.value(), agent, owner, assignment, limit, new HashMap<>()));
            }
        }

        private void call(Line line) throws SQLException {
            String day = now.toString().substring(0, 10);
            String callId = UUID.randomUUID().toString();
            if (random.nextInt(100) < 3) {
                add("Assignment", line.assignmentId(), new CallRefused(line.assignmentId(), line.numberId(),
                        line.org(), line.agentId(), callId, "+12025550100", "US", day,
                        CallRefusal.COUNTRY_NOT_ALLOWED), "dialer");
                return;
            }
            int counted = line.callsByDay().getOrDefault(day, 0);
            if (counted >= line.dailyLimit()) {
                add("Assignment", line.assignmentId(), new CallRefused(line.assignmentId(), line.numberId(),
                        line.org(), line.agentId(), callId, "+442079460000", "GB", day,
                        CallRefusal.DAILY_LIMIT_REACHED), "dialer");
                return;
            }
            line.callsByDay().put(day, counted + 1);
            add("Assignment", line.assignmentId(), new CallCounted(line.assignmentId(), line.numberId(), line.org(),
                    line.agentId(), callId, "+442079460000", "GB", day, counted + 1, line.dailyLimit()), "dialer");
        }

        private void add(String aggregateType, String aggregateId, Object payload, String actor)
                throws SQLException {
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            written++;
            byType.merge(payload.getClass().getSimpleName(), 1, Integer::sum);
            try {
                insert.setLong(1, written);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, aggregateId);
                insert.setLong(4, sequence);
                insert.setString(5, aggregateType);
                insert.setString(6, DateTimeFormatter.ISO_INSTANT.format(now));
                insert.setString(7, payload.getClass().getName());
                insert.setBytes(8, JSON.writeValueAsBytes(payload));
                insert.setBytes(9, JSON.writeValueAsBytes(Map.of("actorId", actor,
                        "correlationId", UUID.randomUUID().toString())));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            insert.addBatch();
            if (++pending >= BATCH) {
                flush();
            }
        }

        private void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                connection.commit();
                pending = 0;
                if (written % 100_000 < BATCH) {
                    System.out.printf("  %,d events%n", written);
                }
            }
        }
    }
}
