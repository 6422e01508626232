package io.switchboard.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.common.Role;
import io.switchboard.infra.Stack;
import io.switchboard.infra.Workspace;
import io.switchboard.support.identity.DevTokens;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A bulk import end to end (issue 7's target: a 10,000-row CSV in at most 10 s on this machine). A fresh stack, then
 * runs (warm-up runs first, reported too): each POSTs one CSV of fresh numbers for a fresh org to
 * {@code /api/v1/phone-numbers/bulk}, timed from the request to its answer, and to the moment the query service lists
 * the file's last row for the org (asked with the answer's position as {@code X-Min-Position}, again until it
 * does). The baseline, measured in the same run on the same stack: numbers imported one request each
 * ({@code POST /api/v1/phone-numbers}).
 * <p>
 * {@code ./switchboard bench bulk --rows 10000 --warmup-runs 3 --runs 3}
 */
public final class BulkImportBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(2_000_000);

    private BulkImportBenchmark() {
    }

    /** A run: how long the answer took and how long until the last row was listed. */
    private record Run(int rows, int imported, double answerSeconds, double visibleSeconds) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        int rows = Integer.parseInt(options.getOrDefault("rows", "10000"));
        int warmups = Integer.parseInt(options.getOrDefault("warmup-runs", "3"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        Duration baseline = Duration.ofSeconds(Long.parseLong(options.getOrDefault("baseline-seconds", "10")));
        int baselineClients = Integer.parseInt(options.getOrDefault("baseline-clients", "4"));
        Path report = Path.of(options.getOrDefault("report", "benchmark/reports/bulk-import.md"));

        Workspace workspace = new Workspace(Files.createTempDirectory("switchboard-bulk-benchmark"));
        System.out.println("Starting the stack...");
        try (Stack stack = Stack.start(new Stack.Options(Path.of(System.getProperty("switchboard.home", ".")),
                workspace, freePort(), freePort(), freePort(), freePort(), null))) {
            List<Run> results = new ArrayList<>();
            for (int run = 1; run <= warmups + runs; run++) {
                System.out.printf("%s %d: %,d rows...%n", run <= warmups ? "Warm-up" : "Run", run, rows);
                Run measured = importOnce(stack, workspace.secret(), rows);
                results.add(measured);
                System.out.printf("  answered in %.2f s, last row listed after %.2f s (%,d imported)%n",
                        measured.answerSeconds(), measured.visibleSeconds(), measured.imported());
            }
            System.out.printf("Baseline: single imports for %s, %d clients...%n", baseline, baselineClients);
            double singlePerSecond = singleImports(stack, workspace.secret(), baseline, baselineClients);
            String text = report(results, warmups, singlePerSecond, baseline, baselineClients);
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, text);
            System.out.println(text);
        }
    }

    private static Run importOnce(Stack stack, String secret, int rows) throws Exception {
        String token = token(secret, "bulk-" + UUID.randomUUID());
        List<String> numbers = IntStream.range(0, rows).mapToObj(i -> freshNumber()).toList();
        String csv = numbers.stream().map(number -> number + ",telnyx,US,Bulk " + number.substring(6))
                .collect(Collectors.joining("\n", "number,provider,country,label\n", "\n"));
        long start = System.nanoTime();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl()
                        + "/api/v1/phone-numbers/bulk")).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        double answered = (System.nanoTime() - start) / 1e9;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the bulk import answered " + answer.statusCode() + ": " + answer.body());
        }
        JsonNode summary = JSON.readTree(answer.body());
        awaitListed(stack.queryUrl(), token, numbers.get(rows - 1), summary.get("position").asLong());
        double visible = (System.nanoTime() - start) / 1e9;
        return new Run(rows, summary.get("imported").asInt(), answered, visible);
    }

    /** Asks the org's list for {@code number} until it shows, each time waiting for {@code position} first. */
    private static void awaitListed(String queryUrl, String token, String number, long position) throws Exception {
        HttpRequest list = HttpRequest.newBuilder(URI.create(queryUrl + "/api/v1/phone-numbers?limit=1&q="
                        + URLEncoder.encode(number, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).header("X-Min-Position", Long.toString(position)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> page = HTTP.send(list, HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() == 200 && page.body().contains(number)) {
                return;
            }
            if (page.statusCode() != 200 && page.statusCode() != 503) {
                throw new IllegalStateException("the list answered " + page.statusCode() + ": " + page.body());
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(number + " was not listed within 5 minutes");
    }

    /** Single imports per second: one POST per number, from {@code clients} clients, after a warm-up. */
    private static double singleImports(Stack stack, String secret, Duration duration, int clients)
            throws InterruptedException {
        String token = token(secret, "single-" + UUID.randomUUID());
        URI imports = URI.create(stack.commandUrl() + "/api/v1/phone-numbers");
        IntFunction<HttpRequest> singleImport = n -> HttpRequest.newBuilder(imports)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"number\":\"" + freshNumber()
                        + "\",\"provider\":\"telnyx\"}")).build();
        RateDriver driver = new RateDriver();
        driver.closedLoop(clients, Duration.ofSeconds(5), singleImport, status -> status == 201);
        return driver.closedLoop(clients, duration, singleImport, status -> status == 201).perSecond();
    }

    private static String report(List<Run> runs, int warmups, double singlePerSecond, Duration baseline,
                                 int baselineClients) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            double perSecond = run.rows() / run.visibleSeconds();
            rows.add(String.format(Locale.ROOT, "| %d%s | %,d | %,d | %.2f | %.2f | %,.0f | %.1f |", i + 1,
                    i == 0 ? " (warm-up, first after start)" : i < warmups ? " (warm-up)" : "", run.rows(),
                    run.imported(), run.answerSeconds(), run.visibleSeconds(), perSecond, perSecond / singlePerSecond));
        }
        List<Run> measured = runs.subList(Math.min(warmups, runs.size() - 1), runs.size());
        return String.format(Locale.ROOT, """
                # Bulk import benchmark (POST /api/v1/phone-numbers/bulk)

                Run: %s, %d cores, Java %s. Whole stack on this machine (PostgreSQL, Kafka, both services, and this
                load generator). Each run POSTs one CSV of fresh numbers (number, provider, country, label) for a fresh
                org, as an ORG_ADMIN; "listed" is the moment the query service's `GET /api/v1/phone-numbers` of the org
                shows the file's last row, asked with the answer's position as `X-Min-Position`.

                | run | rows | imported | POST answered, s | last row listed, s | rows/s end to end | x single imports |
                |---|---|---|---|---|---|---|
                %s

                Baseline, same stack, same run: single imports (`POST /api/v1/phone-numbers`, one number each) from %d
                clients at once for %d s, after a 5 s warm-up: %,.0f numbers/s.
                Target (issue 7): a 10,000-row CSV listed in <= 10 s. After the warm-up: %.2f s to %.2f s.
                """, Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                String.join("\n", rows), baselineClients, baseline.toSeconds(), singlePerSecond,
                measured.stream().mapToDouble(Run::visibleSeconds).min().orElseThrow(),
                measured.stream().mapToDouble(Run::visibleSeconds).max().orElseThrow());
    }

    private static String token(String secret, String org) {
        return DevTokens.mint(secret, "importer", org, List.of(Role.ORG_ADMIN), Instant.now(), Duration.ofHours(1));
    }

    /** A valid US number not used before in this run. */
    private static String freshNumber() {
        return "+1415" + NEXT_NUMBER.getAndIncrement();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
