package io.switchboard.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.common.Role;
import io.switchboard.consumers.audit.AuditConsumer;
import io.switchboard.systemtests.Http.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §5: a Kafka consumer rebuilds a number's history from offset 0, and it is the history the query service
 * answers over HTTP: the same events, in the same order, with the same type, time, version, actor, correlation
 * id and fields.
 */
@ExtendWith(RunningStack.class)
class KafkaReplayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String org = "replay-" + UUID.randomUUID();
    private final String admin = RunningStack.token(org, "carol", Role.ORG_ADMIN);
    private long position;

    private Reply command(String method, String path, String body) {
        Reply reply = Http.call(method, RunningStack.stack().commandUrl() + path, admin, body,
                "X-Correlation-Id", "replay-" + UUID.randomUUID());
        assertThat(reply.status()).as(path + ": " + reply.raw()).isBetween(200, 201);
        position = Math.max(position, reply.position());
        return reply;
    }

    @Test
    @DisplayName("§5: the audit consumer's replay of a number's history from offset 0 equals the HTTP history")
    void replayEqualsHttpHistory() {
        String number = command("POST", "/api/v1/phone-numbers",
                "{\"number\":\"" + RunningStack.freshUsNumber() + "\",\"provider\":\"telnyx\",\"label\":\"Replay\"}").id();
        String agent = command("POST", "/api/v1/agents", "{\"name\":\"Replayer\"}").id();
        command("PATCH", "/api/v1/phone-numbers/" + number, "{\"label\":\"Replayed\"}");
        command("POST", "/api/v1/phone-numbers/" + number + "/assign", "{\"agentId\":\"" + agent + "\"}");
        command("PUT", "/api/v1/phone-numbers/" + number + "/limits", "{\"dailyLimit\":3,\"allowedCountries\":[\"US\"]}");
        command("POST", "/api/v1/calls", "{\"callId\":\"" + UUID.randomUUID()
                + "\",\"destination\":\"+12025550123\",\"fromNumber\":\"" + e164(number) + "\"}");
        command("POST", "/api/v1/phone-numbers/" + number + "/unassign", null);
        command("POST", "/api/v1/phone-numbers/" + number + "/deactivate", "{\"reason\":\"audit\"}");

        for (boolean withCalls : new boolean[] {false, true}) {
            List<JsonNode> http = httpHistory(number, withCalls);
            assertThat(http).as("the HTTP history has the number's and its assignment's events").hasSize(withCalls ? 7 : 6);

            List<JsonNode> replayed = replayUntil(number, withCalls, http.size());

            assertThat(replayed).hasSize(http.size());
            for (int i = 0; i < http.size(); i++) {
                assertSameEvent(replayed.get(i), http.get(i));
            }
        }
    }

    private String e164(String numberId) {
        return Http.call("GET", RunningStack.stack().queryUrl() + "/api/v1/phone-numbers/" + numberId, admin, null,
                "X-Min-Position", Long.toString(position)).body().get("e164").asText();
    }

    private List<JsonNode> httpHistory(String number, boolean withCalls) {
        Reply reply = Http.call("GET", RunningStack.stack().queryUrl() + "/api/v1/phone-numbers/" + number
                + "/history?limit=200&calls=" + withCalls, admin, null, "X-Min-Position", Long.toString(position));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        reply.body().get("items").forEach(entries::add);
        return entries;
    }

    /** Publication to Kafka trails the commit: read from offset 0 again until all events are there. */
    private static List<JsonNode> replayUntil(String number, boolean withCalls, int expected) {
        String what = expected + " events in the replay of " + number + (withCalls ? ", calls included" : "");
        return RunningStack.eventually(what)
                .until(() -> replay(number, withCalls), replayed -> replayed.size() >= expected);
    }

    private static List<JsonNode> replay(String number, boolean withCalls) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", RunningStack.stack().kafkaBootstrapServers(),
                "--history", number));
        if (withCalls) {
            args.add("--with-calls");
        }
        int status = AuditConsumer.run(args.toArray(String[]::new), new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(status).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        return printed.toString(StandardCharsets.UTF_8).lines().map(KafkaReplayIT::parse).toList();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(line, e);
        }
    }

    private static void assertSameEvent(JsonNode replayed, JsonNode http) {
        for (String field : List.of("id", "position", "type", "aggregateType", "aggregateId", "version", "orgId",
                "actor", "correlationId", "data")) {
            assertThat(replayed.get(field)).as(field + " of " + http).isEqualTo(http.get(field));
        }
        assertThat(Instant.parse(replayed.get("time").asText())).as("time of " + http)
                .isEqualTo(Instant.parse(http.get("time").asText()));
        assertThat(((ObjectNode) replayed).size()).isEqualTo(((ObjectNode) http).size());
    }
}
