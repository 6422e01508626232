package io.switchboard.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Samples projection lag while a load runs: places a call, then asks the query service for that day's usage with
 * the call's position in {@code X-Min-Position}; the query answers once its read models hold the call. The time
 * between the two answers is the lag a client reading its own write sees.
 */
final class ProjectionLag implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String commandUrl;
    private final String queryUrl;
    private final List<DataSet.Line> lines;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Double> samples = new ConcurrentLinkedQueue<>();

    ProjectionLag(String commandUrl, String queryUrl, List<DataSet.Line> lines) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        this.lines = lines;
    }

    /** Samples collected since the last call, and starts a new collection. */
    List<Double> drain() {
        List<Double> drained = List.copyOf(samples);
        samples.clear();
        return drained;
    }

    void stop() {
        running.set(false);
    }

    @Override
    public void run() {
        while (running.get()) {
            try {
                DataSet.Line line = lines.get(ThreadLocalRandom.current().nextInt(lines.size()));
                HttpResponse<String> call = http.send(HttpRequest.newBuilder(URI.create(commandUrl + "/api/v1/calls"))
                        .header("Authorization", "Bearer " + line.serviceToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(CallsBenchmark.callBody(line))).build(),
                        HttpResponse.BodyHandlers.ofString());
                long answered = System.nanoTime();
                JsonNode answer = JSON.readTree(call.body());
                HttpResponse<Void> read = http.send(HttpRequest.newBuilder(URI.create(queryUrl + "/api/v1/usage?limit=1&date="
                                + answer.get("day").asText()))
                        .header("Authorization", "Bearer " + line.serviceToken())
                        .header("X-Min-Position", answer.get("position").asText()).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (read.statusCode() == 200) {
                    samples.add((System.nanoTime() - answered) / 1_000_000.0);
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            } catch (Exception transientFailure) {
                // one lost sample under load; the next one is taken
            }
        }
    }
}
