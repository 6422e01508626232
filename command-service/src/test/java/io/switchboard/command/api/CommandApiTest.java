package io.switchboard.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.Role;
import io.switchboard.command.CommandServiceApplication;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.switchboard.command.api.HttpClientSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommandApiTest {

    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(1000);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        HttpClientSupport.serviceWithoutKafka(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private HttpClientSupport http() {
        return new HttpClientSupport(port);
    }

    /** A US number no other test uses. */
    static String freshNumber() {
        return "+1202555" + NEXT_NUMBER.getAndIncrement();
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private String importNumber(String token, String number) {
        HttpClientSupport.Reply reply = http().send("POST", "/api/v1/phone-numbers", token,
                "{\"number\":\"" + number + "\",\"provider\":\"telnyx\",\"label\":\"Front desk\"}");
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        return reply.body().get("id").asText();
    }

    private String registerAgent(String token, String name) {
        HttpClientSupport.Reply reply = http().send("POST", "/api/v1/agents", token, "{\"name\":\"" + name + "\"}");
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        return reply.body().get("id").asText();
    }

    @Test
    @DisplayName("R3: an import answers 201 with the id, version and event-store position, and a Location")
    void importAnswersPosition() {
        String org = UUID.randomUUID().toString();
        HttpClientSupport.Reply reply = http().send("POST", "/api/v1/phone-numbers", token(org, "alice", Role.MEMBER),
                "{\"number\":\"(202) 555-0199\",\"defaultRegion\":\"US\",\"provider\":\"TWILIO\"}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().get("version").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(reply.body().get("position").asLong()).isPositive();
        assertThat(reply.raw().headers().firstValue("Location")).contains("/api/v1/phone-numbers/" + reply.body().get("id").asText());
        assertThat(reply.raw().headers().firstValue("ETag")).contains("\"" + reply.body().get("version").asLong() + "\"");
    }

    @Test
    @DisplayName("The global index is taken from its sequence one at a time, so instances never share a block of indexes")
    void globalIndexAllocatedOneAtATime() {
        String token = token(UUID.randomUUID().toString(), "alice", Role.MEMBER);
        for (int i = 0; i < 3; i++) {
            importNumber(token, freshNumber());
        }

        Long highest = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        Long sequence = jdbc.queryForObject("SELECT last_value FROM domain_event_entry_seq", Long.class);
        assertThat(sequence).isEqualTo(highest);
    }

    @Test
    @DisplayName("Bad input answers 400 with a stable code and writes nothing")
    void badInputWritesNothing() {
        String token = token(UUID.randomUUID().toString(), "alice", Role.MEMBER);
        long before = events();
        Map<String, String> cases = Map.of(
                "{\"number\":\"12345\",\"provider\":\"twilio\"}", "INVALID_PHONE_NUMBER",
                "{\"number\":\"+999 123\",\"provider\":\"twilio\"}", "INVALID_PHONE_NUMBER",
                "{\"number\":\"abc\",\"provider\":\"twilio\"}", "INVALID_PHONE_NUMBER",
                "{\"number\":\"+447700900123\",\"provider\":\"twilio\"}", "INVALID_PHONE_NUMBER",
                "", "MALFORMED_REQUEST",
                "this is not json", "MALFORMED_REQUEST",
                "{\"number\":\"" + freshNumber() + "\",\"provider\":\"twilio\",\"label\":\"" + "x".repeat(10_000) + "\"}",
                "VALIDATION_FAILED",
                "{\"number\":\"" + freshNumber() + "\",\"provider\":\"twilio\",\"colour\":\"red\"}", "UNKNOWN_FIELD",
                "{\"number\":\"" + freshNumber() + "\",\"provider\":\"carrier-pigeon\"}", "VALIDATION_FAILED",
                "{\"number\":\"" + freshNumber() + "\"}", "VALIDATION_FAILED");

        cases.forEach((body, code) -> {
            HttpClientSupport.Reply reply = http().send("POST", "/api/v1/phone-numbers", token, body);
            assertThat(reply.status()).as(body.length() > 80 ? body.substring(0, 80) : body).isEqualTo(400);
            assertThat(reply.code()).as(body.length() > 80 ? body.substring(0, 80) : body).isEqualTo(code);
            assertThat(reply.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(reply.body().path("detail").asText()).isNotBlank();
        });
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @DisplayName("R5: a null among the capabilities answers 400 naming the field and writes nothing (it stopped the number view)")
    void nullCapabilityIsRefused() {
        String token = token(UUID.randomUUID().toString(), "alice", Role.MEMBER);
        long before = events();

        HttpClientSupport.Reply reply = http().send("POST", "/api/v1/phone-numbers", token, "{\"number\":\""
                + freshNumber() + "\",\"provider\":\"telnyx\",\"capabilities\":[null,\"SMS\"]}");

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(400);
        assertThat(reply.body().path("field").asText()).isEqualTo("capabilities");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @DisplayName("R3: an invalid number's problem says why and names the field")
    void invalidNumberSaysWhy() {
        HttpClientSupport.Reply reply = http().send("POST", "/api/v1/phone-numbers",
                token(UUID.randomUUID().toString(), "alice", Role.MEMBER), "{\"number\":\"+999 123\",\"provider\":\"sip\"}");

        assertThat(reply.body().get("detail").asText()).contains("country calling code");
        assertThat(reply.body().get("field").asText()).isEqualTo("number");
    }

    @Test
    @DisplayName("Identity: no token is 401, a MANAGER cannot write (403), another org's number is 404")
    void identityAndAccess() {
        String org = UUID.randomUUID().toString();
        String alice = token(org, "alice", Role.MEMBER);
        String id = importNumber(alice, freshNumber());

        assertThat(http().send("POST", "/api/v1/phone-numbers", null, "{}").status()).isEqualTo(401);
        assertThat(http().send("POST", "/api/v1/phone-numbers", "not-a-jwt", "{}").status()).isEqualTo(401);
        assertThat(http().send("DELETE", "/api/v1/phone-numbers/" + id, token(org, "boss", Role.MANAGER), null)
                .status()).isEqualTo(403);
        assertThat(http().send("DELETE", "/api/v1/phone-numbers/" + id, token(org, "bob", Role.MEMBER), null)
                .code()).isEqualTo("NOT_FOUND");
        HttpClientSupport.Reply otherOrg = http().send("DELETE", "/api/v1/phone-numbers/" + id,
                token("other-org", "mallory", Role.ORG_ADMIN), null);
        assertThat(otherOrg.status()).isEqualTo(404);
        assertThat(http().send("DELETE", "/api/v1/phone-numbers/" + id, token(org, "admin", Role.ORG_ADMIN), null)
                .status()).isEqualTo(200);
    }

    @Test
    @DisplayName("R11: assigning to an agent of another org answers 404 AGENT_NOT_IN_ORG and writes nothing")
    void agentOfAnotherOrg() {
        String org = UUID.randomUUID().toString();
        String alice = token(org, "alice", Role.MEMBER);
        String numberId = importNumber(alice, freshNumber());
        String foreignAgent = registerAgent(token(UUID.randomUUID().toString(), "alice", Role.MEMBER), "Foreign");
        long before = events();

        HttpClientSupport.Reply reply = http().send("POST", "/api/v1/phone-numbers/" + numberId + "/assign", alice,
                "{\"agentId\":\"" + foreignAgent + "\"}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("AGENT_NOT_IN_ORG");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @DisplayName("Idempotency-Key: a retry returns the first reply and writes nothing; another body with the key is 422")
    void idempotentRetry() {
        String token = token(UUID.randomUUID().toString(), "alice", Role.MEMBER);
        String body = "{\"name\":\"Retry bot\"}";
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        HttpClientSupport.Reply first = http().send("POST", "/api/v1/agents", token, body, key);
        long after = events();
        HttpClientSupport.Reply retry = http().send("POST", "/api/v1/agents", token, body, key);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(events()).isEqualTo(after);
        assertThat(http().send("POST", "/api/v1/agents", token, "{\"name\":\"Other bot\"}", key).code())
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    @DisplayName("§6: two users of one org sending the same Idempotency-Key each get their own result")
    void idempotencyKeysBelongToTheirPrincipal() {
        String org = UUID.randomUUID().toString();
        Map<String, String> key = Map.of("Idempotency-Key", "shared-" + UUID.randomUUID());

        HttpClientSupport.Reply alices = http().send("POST", "/api/v1/agents", token(org, "alice", Role.MEMBER),
                "{\"name\":\"Alice's bot\"}", key);
        HttpClientSupport.Reply bobs = http().send("POST", "/api/v1/agents", token(org, "bob", Role.MEMBER),
                "{\"name\":\"Bob's bot\"}", key);

        assertThat(alices.status()).isEqualTo(201);
        assertThat(bobs.status()).as("not Alice's reply, not IDEMPOTENCY_KEY_REUSED").isEqualTo(201);
        assertThat(bobs.body().get("id")).isNotEqualTo(alices.body().get("id"));
        assertThat(http().send("POST", "/api/v1/agents", token(org, "bob", Role.MEMBER),
                "{\"name\":\"Bob's bot\"}", key).body()).as("Bob's retry").isEqualTo(bobs.body());
    }

    @Test
    @DisplayName("§6, R15: an Idempotency-Key shaped like a call's own key never reaches the call's outcome")
    void clientKeysCannotReachInternalKeys() {
        String org = UUID.randomUUID().toString();
        String alice = token(org, "alice", Role.MEMBER);
        String number = freshNumber();
        String numberId = importNumber(alice, number);
        String agent = registerAgent(alice, "Caller");
        assertThat(http().send("POST", "/api/v1/phone-numbers/" + numberId + "/assign", alice,
                "{\"agentId\":\"" + agent + "\"}").status()).isEqualTo(201);
        HttpClientSupport.Reply call = http().send("POST", "/api/v1/calls", alice,
                "{\"callId\":\"c-1\",\"destination\":\"+12025550123\",\"fromNumber\":\"" + number + "\"}");
        assertThat(call.status()).as(call.raw().body()).isEqualTo(200);

        for (String internal : new String[]{"c-1", "call:c-1"}) {
            HttpClientSupport.Reply other = http().send("POST", "/api/v1/agents", alice,
                    "{\"name\":\"Key " + internal + "\"}", Map.of("Idempotency-Key", internal));
            assertThat(other.status()).as("Idempotency-Key " + internal).isEqualTo(201);
            assertThat(other.body().get("id")).isNotEqualTo(call.body().get("assignmentId"));
        }
    }

    @Test
    @DisplayName("§4: a command whose Accept excludes JSON answers 406 UNSUPPORTED_MEDIA_TYPE and writes nothing")
    void unacceptableAcceptWritesNothing() {
        String token = token(UUID.randomUUID().toString(), "alice", Role.MEMBER);
        long before = events();

        HttpClientSupport.Reply refused = http().send("POST", "/api/v1/agents", token, "{\"name\":\"Picky\"}",
                Map.of("Accept", "image/png"));

        assertThat(refused.status()).isEqualTo(406);
        assertThat(refused.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(events()).isEqualTo(before);
        assertThat(http().send("POST", "/api/v1/agents", token, "{\"name\":\"Polite\"}",
                Map.of("Accept", "text/html, application/json;q=0.5")).status()).isEqualTo(201);
    }

    @Test
    @DisplayName("§4: a body whose Content-Type is a wildcard answers 415, not a 5xx, and writes nothing")
    void wildcardContentTypeIsRefused() {
        String token = token(UUID.randomUUID().toString(), "alice", Role.MEMBER);
        long before = events();

        HttpClientSupport.Reply refused = http().send("POST", "/api/v1/agents", token, "{\"name\":\"Vague\"}",
                Map.of("Content-Type", "*/*"));

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @DisplayName("§4: a JSON body sent as a form (application/x-www-form-urlencoded) answers 415, not a 5xx, and writes nothing")
    void formContentTypeIsRefused() {
        String admin = token(UUID.randomUUID().toString(), "carol", Role.ORG_ADMIN);
        long before = events();

        HttpClientSupport.Reply refused = http().send("PUT", "/api/v1/org/policy", admin, "{\"maxNumbersPerAgent\":15}",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));

        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(415);
        assertThat(refused.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @DisplayName("If-Match: a change on a stale version answers 412; on the current one it applies")
    void conditionalChange() {
        String token = token(UUID.randomUUID().toString(), "alice", Role.MEMBER);
        String agent = registerAgent(token, "First name");
        JsonNode renamed = http().send("PATCH", "/api/v1/agents/" + agent, token, "{\"name\":\"Second\"}",
                Map.of("If-Match", "\"0\"")).body();

        HttpClientSupport.Reply stale = http().send("PATCH", "/api/v1/agents/" + agent, token,
                "{\"name\":\"Third\"}", Map.of("If-Match", "\"0\""));

        assertThat(renamed.get("version").asLong()).isEqualTo(1);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("VERSION_MISMATCH");
        assertThat(http().send("PATCH", "/api/v1/agents/" + agent, token, "{\"name\":\"Third\"}",
                Map.of("If-Match", "\"1\"")).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("R9: an assigned number cannot be released (409 NUMBER_ASSIGNED); after unassign it can")
    void releaseNeedsUnassign() {
        String token = token(UUID.randomUUID().toString(), "alice", Role.MEMBER);
        String numberId = importNumber(token, freshNumber());
        String agent = registerAgent(token, "Caller");
        assertThat(http().send("POST", "/api/v1/phone-numbers/" + numberId + "/assign", token,
                "{\"agentId\":\"" + agent + "\"}").status()).isEqualTo(201);

        assertThat(http().send("DELETE", "/api/v1/phone-numbers/" + numberId, token, null).code())
                .isEqualTo("NUMBER_ASSIGNED");
        assertThat(http().send("POST", "/api/v1/phone-numbers/" + numberId + "/unassign", token, null).status())
                .isEqualTo(200);
        assertThat(http().send("DELETE", "/api/v1/phone-numbers/" + numberId, token, null).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("R2: retiring an agent ends all of its assignments; the numbers can be assigned again")
    void retiringEndsAssignments() {
        String org = UUID.randomUUID().toString();
        String token = token(org, "alice", Role.MEMBER);
        String first = importNumber(token, freshNumber());
        String second = importNumber(token, freshNumber());
        String agent = registerAgent(token, "Leaving");
        for (String number : new String[]{first, second}) {
            http().send("POST", "/api/v1/phone-numbers/" + number + "/assign", token, "{\"agentId\":\"" + agent + "\"}");
        }

        assertThat(http().send("DELETE", "/api/v1/agents/" + agent, token, null).status()).isEqualTo(200);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry_number WHERE agent_id = ?", Long.class, agent))
                .isZero();
        assertThat(reasonsOfEnding(agent)).containsExactly("AGENT_RETIRED", "AGENT_RETIRED");
        String successor = registerAgent(token, "Successor");
        assertThat(http().send("POST", "/api/v1/phone-numbers/" + first + "/assign", token,
                "{\"agentId\":\"" + successor + "\"}").status()).isEqualTo(201);
    }

    @Test
    @DisplayName("R8: a transfer to a user who does not own the agent ends the assignment")
    void transferEndsAssignment() {
        String org = UUID.randomUUID().toString();
        String alice = token(org, "alice", Role.MEMBER);
        String numberId = importNumber(alice, freshNumber());
        String agent = registerAgent(alice, "Alice's bot");
        http().send("POST", "/api/v1/phone-numbers/" + numberId + "/assign", alice, "{\"agentId\":\"" + agent + "\"}");

        HttpClientSupport.Reply transfer = http().send("POST", "/api/v1/phone-numbers/" + numberId + "/transfer",
                token(org, "admin", Role.ORG_ADMIN), "{\"newOwnerUserId\":\"bob\"}");

        assertThat(transfer.status()).isEqualTo(200);
        assertThat(reasonsOfEnding(agent)).containsExactly("NUMBER_TRANSFERRED");
        assertThat(jdbc.queryForObject("SELECT owner_user_id FROM registry_number WHERE number_id = ?", String.class,
                numberId)).isEqualTo("bob");
    }

    @Test
    @DisplayName("R12: an org with maxNumbersPerAgent 1 cannot give an agent a second number")
    void maxNumbersPerAgent() {
        String org = UUID.randomUUID().toString();
        String admin = token(org, "alice", Role.ORG_ADMIN, Role.MEMBER);
        assertThat(http().send("PUT", "/api/v1/org/policy", admin, "{\"maxNumbersPerAgent\":1}").status())
                .isEqualTo(200);
        String agent = registerAgent(admin, "Single-line");
        String first = importNumber(admin, freshNumber());
        String second = importNumber(admin, freshNumber());

        assertThat(http().send("POST", "/api/v1/phone-numbers/" + first + "/assign", admin,
                "{\"agentId\":\"" + agent + "\"}").status()).isEqualTo(201);
        assertThat(http().send("POST", "/api/v1/phone-numbers/" + second + "/assign", admin,
                "{\"agentId\":\"" + agent + "\"}").code()).isEqualTo("AGENT_AT_NUMBER_LIMIT");
        assertThat(http().send("PUT", "/api/v1/org/policy", token(org, "bob", Role.MEMBER),
                "{\"maxNumbersPerAgent\":5}").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("R13: limits change while assigned; unassign ends the assignment; unassigning again is 409")
    void limitsAndUnassign() {
        String token = token(UUID.randomUUID().toString(), "alice", Role.MEMBER);
        String numberId = importNumber(token, freshNumber());
        String agent = registerAgent(token, "Limited");
        http().send("POST", "/api/v1/phone-numbers/" + numberId + "/assign", token, "{\"agentId\":\"" + agent + "\"}");

        HttpClientSupport.Reply limits = http().send("PUT", "/api/v1/phone-numbers/" + numberId + "/limits", token,
                "{\"dailyLimit\":10,\"allowedCountries\":[\"US\",\"CA\"]}");
        assertThat(limits.status()).isEqualTo(200);
        assertThat(http().send("PUT", "/api/v1/phone-numbers/" + numberId + "/limits", token,
                "{\"dailyLimit\":10,\"allowedCountries\":[\"ZZ\"]}").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(http().send("POST", "/api/v1/phone-numbers/" + numberId + "/unassign", token, null).status())
                .isEqualTo(200);
        assertThat(http().send("POST", "/api/v1/phone-numbers/" + numberId + "/unassign", token, null).code())
                .isEqualTo("NOT_ASSIGNED");
    }

    private java.util.List<String> reasonsOfEnding(String agentId) {
        return jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'reason' FROM domain_event_entry
                WHERE payload_type LIKE '%UnassignedFromAgent'
                  AND convert_from(payload, 'UTF8')::jsonb ->> 'agentId' = ?
                ORDER BY global_index""", String.class, agentId);
    }
}
