package io.switchboard.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.PhoneNumberRejectedException;
import io.switchboard.api.common.Role;
import io.switchboard.support.identity.DevTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A realistic registry built through the public API: orgs, each with agents, each agent with its numbers
 * assigned to it. What the calls benchmark dials from.
 */
final class DataSet {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] AREA_CODES = {201, 202, 212, 213, 305, 312, 404, 415, 503, 617, 650, 702, 713, 718,
            805, 818, 917, 949};

    /** A number ready to call from: its org's dialer token, the number and the agent it is assigned to. */
    record Line(String serviceToken, String fromNumber, String agentId) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String commandUrl;
    private final String secret;
    private final AtomicInteger nextNumber = new AtomicInteger();
    private final List<Line> lines = Collections.synchronizedList(new ArrayList<>());

    DataSet(String commandUrl, String secret) {
        this.commandUrl = commandUrl;
        this.secret = secret;
    }

    /** Loads {@code orgs} orgs in parallel; returns the lines to call from. */
    List<Line> load(int orgs, int agentsPerOrg, int numbersPerAgent, int loaders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(loaders);
        List<Future<?>> done = new ArrayList<>();
        for (int o = 0; o < orgs; o++) {
            String org = "bench-org-" + o;
            done.add(pool.submit(() -> {
                loadOrg(org, agentsPerOrg, numbersPerAgent);
                return null;
            }));
        }
        for (Future<?> org : done) {
            org.get();
        }
        pool.shutdown();
        return List.copyOf(lines);
    }

    private void loadOrg(String org, int agentsPerOrg, int numbersPerAgent) throws IOException, InterruptedException {
        String admin = token(org, "owner", Role.ORG_ADMIN, Role.MEMBER);
        String dialer = token(org, "dialer", Role.SERVICE);
        for (int a = 0; a < agentsPerOrg; a++) {
            String agentId = post(admin, "/api/v1/agents", "{\"name\":\"agent " + a + "\"}").get("id").asText();
            for (int n = 0; n < numbersPerAgent; n++) {
                String number = nextValidNumber();
                String numberId = post(admin, "/api/v1/phone-numbers",
                        "{\"number\":\"" + number + "\",\"provider\":\"telnyx\"}").get("id").asText();
                post(admin, "/api/v1/phone-numbers/" + numberId + "/assign",
                        "{\"agentId\":\"" + agentId + "\",\"dailyLimit\":1000000,\"allowedCountries\":[\"*\"]}");
                lines.add(new Line(dialer, number, agentId));
            }
        }
    }

    private String token(String org, String user, Role... roles) {
        return DevTokens.mint(secret, user, org, List.of(roles), Instant.now(), Duration.ofHours(6));
    }

    private JsonNode post(String token, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(commandUrl + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Distinct US numbers that libphonenumber accepts, in a fixed order. */
    private String nextValidNumber() {
        while (true) {
            int i = nextNumber.getAndIncrement();
            int areaCode = AREA_CODES[i % AREA_CODES.length];
            int exchange = 200 + (i / AREA_CODES.length) % 800;
            int line = (i / (AREA_CODES.length * 800)) % 10_000;
            String candidate = String.format("+1%d%03d%04d", areaCode, exchange, line);
            try {
                return E164Number.parse(candidate, null).value();
            } catch (PhoneNumberRejectedException invalid) {
                // not every exchange exists; take the next one
            }
        }
    }
}
