package io.switchboard.benchmark;

import io.switchboard.infra.Stack;
import io.switchboard.infra.Workspace;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * The hot path under load: a fresh stack, a realistic registry loaded through the API, then {@code POST
 * /api/v1/calls} at rising concurrency (closed loop), each step reported with throughput, latency percentiles,
 * projection lag, and, in the same run on the same PostgreSQL, the raw one-row-insert ceiling.
 */
public final class CallsBenchmark {

    private CallsBenchmark() {
    }

    static String callBody(DataSet.Line line) {
        return "{\"callId\":\"" + UUID.randomUUID() + "\",\"destination\":\"+12025550123\",\"fromNumber\":\""
                + line.fromNumber() + "\"}";
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        int orgs = Integer.parseInt(options.getOrDefault("orgs", "1000"));
        int agentsPerOrg = Integer.parseInt(options.getOrDefault("agents-per-org", "10"));
        int numbersPerAgent = Integer.parseInt(options.getOrDefault("numbers-per-agent", "10"));
        int[] steps = Arrays.stream(options.getOrDefault("steps", "1,2,4,8,16,32").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Duration stepDuration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("step-seconds", "30")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "60")));
        Path report = Path.of(options.getOrDefault("report", "benchmark/reports/calls.md"));

        Workspace workspace = new Workspace(Files.createTempDirectory("switchboard-benchmark"));
        System.out.println("Starting the stack...");
        try (Stack stack = Stack.start(new Stack.Options(Path.of(System.getProperty("switchboard.home", ".")),
                workspace, freePort(), freePort(), freePort(), freePort(), null))) {
            Instant loadStart = Instant.now();
            System.out.printf("Loading %d orgs x %d agents x %d numbers through the API...%n", orgs, agentsPerOrg,
                    numbersPerAgent);
            List<DataSet.Line> lines = new DataSet(stack.commandUrl(), workspace.secret())
                    .load(orgs, agentsPerOrg, numbersPerAgent, 16);
            Duration loading = Duration.between(loadStart, Instant.now());

            URI calls = URI.create(stack.commandUrl() + "/api/v1/calls");
            IntFunction<HttpRequest> call = n -> {
                DataSet.Line line = lines.get(ThreadLocalRandom.current().nextInt(lines.size()));
                return HttpRequest.newBuilder(calls).header("Authorization", "Bearer " + line.serviceToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(callBody(line))).build();
            };
            RateDriver driver = new RateDriver();
            System.out.printf("Warming up for %s...%n", warmup);
            driver.closedLoop(8, warmup, call, status -> status == 200);

            ProjectionLag lag = new ProjectionLag(stack.commandUrl(), stack.queryUrl(), lines);
            Thread sampler = new Thread(lag);
            sampler.start();
            RawInsertCeiling ceiling = new RawInsertCeiling(stack.databaseUrl());
            List<String> rows = new ArrayList<>();
            for (int concurrency : steps) {
                System.out.printf("Step: %d concurrent dialers for %s...%n", concurrency, stepDuration);
                lag.drain();
                RateDriver.Step step = driver.closedLoop(concurrency, stepDuration, call, status -> status == 200);
                Percentiles lagged = Percentiles.of(lag.drain());
                double raw = ceiling.commitsPerSecond(concurrency, Duration.ofSeconds(10));
                Percentiles latency = Percentiles.of(step.latencies());
                rows.add(String.format(Locale.ROOT, "| %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %.0f | %.0f | %.1f%% |",
                        concurrency, step.perSecond(), latency.p50(), latency.p95(), latency.p99(), latency.max(),
                        step.failures(), lagged.p99(), raw, 100 * step.perSecond() / raw));
                System.out.println(rows.get(rows.size() - 1));
            }
            lag.stop();
            sampler.interrupt();
            String text = String.format(Locale.ROOT, """
                    # Calls benchmark (POST /api/v1/calls)

                    Run: %s, %d cores, Java %s. Whole stack on this machine (PostgreSQL, Kafka, both services, and this
                    load generator). Data set loaded through the API: %d orgs, %d agents, %d numbers assigned, in %d s
                    (%.0f commands/s). Each call is counted from a random number of the data set (closed loop: each dialer
                    sends its next call when the last is answered); the steps follow a %d s warm-up.

                    | dialers | calls/s | p50 ms | p95 ms | p99 ms | max ms | errors | projection lag p99 ms | raw inserts/s | calls / raw |
                    |---|---|---|---|---|---|---|---|---|---|
                    %s

                    Projection lag: a call's answer to the query service's answer for that call's position
                    (read-your-writes). Raw inserts: plain JDBC, one 600-byte row per transaction, same concurrency, same
                    PostgreSQL, 10 s per step.
                    Targets: >= 2,000 counted calls/s with p99 <= 25 ms; >= 20%% of the raw ceiling; projection lag p99
                    <= 200 ms at 500 calls/s.
                    """, Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    orgs, orgs * agentsPerOrg, lines.size(), loading.toSeconds(),
                    (orgs * agentsPerOrg + 2.0 * lines.size()) / Math.max(1, loading.toSeconds()), warmup.toSeconds(),
                    String.join("\n", rows));
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, text);
            System.out.println(text);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
