package io.switchboard.command.platformsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.api.common.Role;
import io.switchboard.command.CommandServiceApplication;
import io.switchboard.command.api.HttpClientSupport;
import io.switchboard.command.api.HttpClientSupport.Reply;
import io.switchboard.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.badRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.switchboard.command.api.HttpClientSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, outbound sync, on real PostgreSQL against a WireMock stand-in that answers as Vapi's phone-number API
 * does: changes of numbers with a Vapi reference are delivered, transient failures retried with backoff, and what
 * keeps failing is parked per number, listed, retried and discarded by a PLATFORM_ADMIN.
 */
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PlatformSyncTest {

    private static final String API_KEY = "vapi-test-key-" + UUID.randomUUID();
    private static final String DEAD_LETTERS = PlatformSyncAdminController.DEAD_LETTERS;
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(1000);
    private static final WireMockServer vapi = new WireMockServer(options().dynamicPort());

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        vapi.start();
        String database = TestDatabase.newDatabase("platform_sync_" + UUID.randomUUID().toString().replace("-", ""));
        registry.add("spring.datasource.url", () -> database);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("spring.datasource.hikari.connection-init-sql", () -> "SET search_path TO command");
        HttpClientSupport.acceptTokens(registry);
        registry.add("switchboard.kafka.enabled", () -> "false");
        registry.add("switchboard.platform-sync.enabled", () -> "true");
        registry.add("switchboard.platform-sync.vapi.base-url", vapi::baseUrl);
        registry.add("switchboard.platform-sync.vapi.api-key", () -> API_KEY);
        registry.add("switchboard.platform-sync.retry.attempts", () -> "3");
        registry.add("switchboard.platform-sync.retry.initial-backoff", () -> "20ms");
    }

    @AfterAll
    static void stopStandIn() {
        vapi.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    private HttpClientSupport http() {
        return new HttpClientSupport(port);
    }

    private static String operator() {
        return token("platform", "operator", Role.PLATFORM_ADMIN);
    }

    private static String orgAdmin() {
        return token("org-" + UUID.randomUUID(), "admin", Role.ORG_ADMIN);
    }

    private static String vapiId() {
        return UUID.randomUUID().toString();
    }

    private static String vapiPath(String vapiId) {
        return "/phone-number/" + vapiId;
    }

    private static String assistant(String agentId) {
        return "{\"assistantId\":" + (agentId == null ? "null" : "\"" + agentId + "\"") + "}";
    }

    private Reply call(String method, String path, String token, String body) {
        Reply reply = http().send(method, path, token, body);
        assertThat(reply.status()).as(method + " " + path + ": " + reply.raw().body()).isBetween(200, 204);
        return reply;
    }

    /** A new number of a new agent's, assigned to it; with a Vapi reference unless {@code vapiId} is null. */
    private Line assignedLine(String token, String vapiId) {
        String refs = vapiId == null ? "" : ",\"platformRefs\":{\"vapi\":\"" + vapiId + "\"}";
        String numberId = call("POST", "/api/v1/phone-numbers", token, "{\"number\":\"+1202555"
                + NEXT_NUMBER.getAndIncrement() + "\",\"provider\":\"twilio\"" + refs + "}").body().get("id").asText();
        String agentId = call("POST", "/api/v1/agents", token, "{\"name\":\"Front desk\"}").body().get("id").asText();
        call("POST", "/api/v1/phone-numbers/" + numberId + "/assign", token, "{\"agentId\":\"" + agentId + "\"}");
        return new Line(numberId, agentId);
    }

    private record Line(String numberId, String agentId) {
    }

    private List<JsonNode> parkedOf(String numberId) {
        Reply list = call("GET", DEAD_LETTERS + "?limit=1000", operator(), null);
        return StreamSupport.stream(list.body().get("items").spliterator(), false)
                .filter(letter -> letter.get("numberId").asText().equals(numberId)).toList();
    }

    private List<String> receivedFor(String vapiId) {
        return vapi.findAll(anyRequestedFor(urlEqualTo(vapiPath(vapiId)))).stream()
                .map(request -> request.getMethod() + " " + request.getBodyAsString()).toList();
    }

    @Test
    @DisplayName("R10, R13, R9: assign, unassign and release reach Vapi as PATCH assistantId and DELETE, with the API"
            + " key as bearer token")
    void changesReachThePlatform() {
        String vapiId = vapiId();
        vapi.stubFor(patch(urlEqualTo(vapiPath(vapiId))).willReturn(okJson("{\"id\":\"" + vapiId + "\"}")));
        vapi.stubFor(delete(urlEqualTo(vapiPath(vapiId))).willReturn(okJson("{\"id\":\"" + vapiId + "\"}")));
        String token = orgAdmin();

        Line line = assignedLine(token, vapiId);
        await().atMost(DELIVERY).untilAsserted(() -> vapi.verify(patchRequestedFor(urlEqualTo(vapiPath(vapiId)))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(assistant(line.agentId())))));
        call("POST", "/api/v1/phone-numbers/" + line.numberId() + "/unassign", token, null);
        call("DELETE", "/api/v1/phone-numbers/" + line.numberId(), token, null);

        await().atMost(DELIVERY).untilAsserted(() -> vapi.verify(deleteRequestedFor(urlEqualTo(vapiPath(vapiId)))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))));
        assertThat(receivedFor(vapiId)).containsExactly(
                "PATCH " + assistant(line.agentId()), "PATCH " + assistant(null), "DELETE ");
        assertThat(parkedOf(line.numberId())).isEmpty();
    }

    @Test
    @DisplayName("R5: a number without a Vapi reference is not synced; once an assigned number gets one, its assistant"
            + " is sent")
    void onlyNumbersWithAVapiReferenceSync() {
        String vapiId = vapiId();
        vapi.stubFor(patch(urlEqualTo(vapiPath(vapiId))).willReturn(okJson("{}")));
        String token = orgAdmin();
        Line line = assignedLine(token, null);

        call("PATCH", "/api/v1/phone-numbers/" + line.numberId(), token,
                "{\"platformRefs\":{\"vapi\":\"" + vapiId + "\"}}");

        await().atMost(DELIVERY).untilAsserted(() -> assertThat(receivedFor(vapiId))
                .containsExactly("PATCH " + assistant(line.agentId())));
        List<LoggedRequest> naming = vapi.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(request -> request.getBodyAsString().contains(line.agentId())).toList();
        assertThat(naming).as("the assignment before the reference sent nothing").hasSize(1);
    }

    @Test
    @DisplayName("R10: a platform that answers 503 twice gets the change on the third attempt; nothing is parked")
    void transientFailuresAreRetried() {
        String vapiId = vapiId();
        String scenario = "flaky " + vapiId;
        vapi.stubFor(patch(urlEqualTo(vapiPath(vapiId))).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serviceUnavailable()).willSetStateTo("failed once"));
        vapi.stubFor(patch(urlEqualTo(vapiPath(vapiId))).inScenario(scenario).whenScenarioStateIs("failed once")
                .willReturn(serviceUnavailable()).willSetStateTo("recovered"));
        vapi.stubFor(patch(urlEqualTo(vapiPath(vapiId))).inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(okJson("{}")));
        double retriedBefore = retried("assign");
        String token = orgAdmin();

        Line line = assignedLine(token, vapiId);
        // the unassign is sent only if the assign was delivered, not parked: both are in the number's sequence
        call("POST", "/api/v1/phone-numbers/" + line.numberId() + "/unassign", token, null);

        await().atMost(DELIVERY).untilAsserted(() -> assertThat(receivedFor(vapiId)).containsExactly(
                "PATCH " + assistant(line.agentId()), "PATCH " + assistant(line.agentId()),
                "PATCH " + assistant(line.agentId()), "PATCH " + assistant(null)));
        assertThat(parkedOf(line.numberId())).isEmpty();
        assertThat(retried("assign") - retriedBefore).isEqualTo(2);
    }

    private double retried(String operation) {
        return meters.counter("switchboard.platform.sync.calls", "operation", operation, "outcome", "retried").count();
    }

    @Test
    @DisplayName("R10, R13: a change Vapi refuses (400) is parked at once with its cause, the number's next change"
            + " waits behind it; once the platform accepts, a retry delivers both in order")
    void permanentFailuresAreParkedAndRetried(CapturedOutput output) {
        String vapiId = vapiId();
        StubMapping refusing = vapi.stubFor(patch(urlEqualTo(vapiPath(vapiId)))
                .willReturn(badRequest().withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":[\"assistantId must be an existing assistant\"],\"statusCode\":400}")));
        String token = orgAdmin();
        Line line = assignedLine(token, vapiId);
        await().atMost(DELIVERY).until(() -> parkedOf(line.numberId()).size() == 1);

        call("POST", "/api/v1/phone-numbers/" + line.numberId() + "/unassign", token, null);
        await().atMost(DELIVERY).until(() -> parkedOf(line.numberId()).size() == 2);

        List<JsonNode> parked = parkedOf(line.numberId());
        JsonNode first = parked.get(0);
        assertThat(first.get("eventType").asText()).isEqualTo("io.switchboard.assignment.assigned.v1");
        assertThat(first.get("cause").asText()).contains("400").contains("assistantId must be an existing assistant");
        assertThat(first.get("attempts").asInt()).isEqualTo(1);
        assertThat(first.get("parkedAt").asText()).isNotBlank();
        assertThat(first.get("lastTriedAt").asText()).isNotBlank();
        JsonNode waiting = parked.get(1);
        assertThat(waiting.get("eventType").asText()).isEqualTo("io.switchboard.assignment.unassigned.v1");
        assertThat(waiting.has("cause")).isFalse();
        assertThat(waiting.get("attempts").asInt()).isZero();
        assertThat(receivedFor(vapiId)).as("a 400 is not retried, and the unassign did not overtake the assign")
                .containsExactly("PATCH " + assistant(line.agentId()));

        Reply stillRefused = call("POST", DEAD_LETTERS + "/" + first.get("id").asText() + "/retry", operator(), null);
        assertThat(stillRefused.body().get("delivered").asBoolean()).isFalse();
        assertThat(stillRefused.body().get("stillParked").asLong()).isEqualTo(2);
        assertThat(parkedOf(line.numberId()).get(0).get("attempts").asInt()).isEqualTo(2);

        vapi.removeStub(refusing);
        vapi.stubFor(patch(urlEqualTo(vapiPath(vapiId))).willReturn(okJson("{}")));
        Reply retried = call("POST", DEAD_LETTERS + "/" + waiting.get("id").asText() + "/retry", operator(), null);

        assertThat(retried.body().get("numberId").asText()).isEqualTo(line.numberId());
        assertThat(retried.body().get("delivered").asBoolean()).isTrue();
        assertThat(retried.body().get("stillParked").asLong()).isZero();
        assertThat(receivedFor(vapiId)).containsExactly("PATCH " + assistant(line.agentId()),
                "PATCH " + assistant(line.agentId()), "PATCH " + assistant(line.agentId()), "PATCH " + assistant(null));
        assertThat(parkedOf(line.numberId())).isEmpty();
        assertThat(output.getAll()).contains("assign of number " + line.numberId() + " failed").doesNotContain(API_KEY);
        assertThat(call("GET", DEAD_LETTERS, operator(), null).raw().body()).doesNotContain(API_KEY);
    }

    @Test
    @DisplayName("R10, R13: a parked change the platform will never accept is discarded; the change behind it is then"
            + " retried and delivered")
    void discardedLettersUnblockTheNumber() {
        String vapiId = vapiId();
        vapi.stubFor(patch(urlEqualTo(vapiPath(vapiId))).willReturn(badRequest()));
        vapi.stubFor(patch(urlEqualTo(vapiPath(vapiId))).withRequestBody(equalToJson(assistant(null)))
                .atPriority(1).willReturn(okJson("{}")));
        String token = orgAdmin();
        Line line = assignedLine(token, vapiId);
        call("POST", "/api/v1/phone-numbers/" + line.numberId() + "/unassign", token, null);
        await().atMost(DELIVERY).until(() -> parkedOf(line.numberId()).size() == 2);
        List<JsonNode> parked = parkedOf(line.numberId());
        String refused = DEAD_LETTERS + "/" + parked.get(0).get("id").asText();

        Reply discarded = http().send("DELETE", refused, operator(), null);
        assertThat(discarded.status()).isEqualTo(204);
        assertThat(parkedOf(line.numberId())).extracting(letter -> letter.get("id").asText())
                .containsExactly(parked.get(1).get("id").asText());
        Reply retried = call("POST", DEAD_LETTERS + "/" + parked.get(1).get("id").asText() + "/retry", operator(),
                null);

        assertThat(retried.body().get("delivered").asBoolean()).isTrue();
        assertThat(receivedFor(vapiId))
                .containsExactly("PATCH " + assistant(line.agentId()), "PATCH " + assistant(null));
        Reply again = http().send("DELETE", refused, operator(), null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    @DisplayName("§6: only a PLATFORM_ADMIN lists, retries or discards dead letters; others get a 403 problem, no"
            + " token a 401; an unknown letter is 404 and a bad limit 400")
    void onlyPlatformAdminsHandleDeadLetters() {
        String unknown = DEAD_LETTERS + "/" + UUID.randomUUID();
        for (Role role : List.of(Role.ORG_ADMIN, Role.MANAGER, Role.MEMBER, Role.SERVICE)) {
            String token = token("org-" + UUID.randomUUID(), "someone", role);
            for (Reply reply : List.of(http().send("GET", DEAD_LETTERS, token, null),
                    http().send("POST", unknown + "/retry", token, null),
                    http().send("DELETE", unknown, token, null))) {
                assertThat(reply.status()).as(role + ": " + reply.raw().body()).isEqualTo(403);
                assertThat(reply.code()).isEqualTo("FORBIDDEN");
                assertThat(reply.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
            }
        }
        assertThat(http().send("GET", DEAD_LETTERS, null, null).status()).isEqualTo(401);

        Reply missing = http().send("POST", unknown + "/retry", operator(), null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("NOT_FOUND");
        Reply badLimit = http().send("GET", DEAD_LETTERS + "?limit=0", operator(), null);
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.body().get("field").asText()).isEqualTo("limit");
        Reply listed = call("GET", DEAD_LETTERS, operator(), null);
        assertThat(listed.body().get("syncEnabled").asBoolean()).isTrue();
        assertThat(listed.body().get("total").asLong()).isGreaterThanOrEqualTo(listed.body().get("items").size());
    }
}
