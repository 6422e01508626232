package io.switchboard.command.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.Role;
import io.switchboard.command.CommandServiceApplication;
import io.switchboard.command.api.HttpClientSupport;
import io.switchboard.command.api.HttpClientSupport.Reply;
import io.switchboard.infra.TwilioStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.switchboard.command.api.HttpClientSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

/** R6, SPEC §6 over HTTP: a Twilio account checked against a stand-in that answers as Twilio's API does. */
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwilioAccountTest {

    private static final String ACCOUNTS = "/api/v1/provider-accounts";
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(7000);
    /** 120 numbers from +1 650 555 0100, listed 100 to a page; the second page's first request is rate limited. */
    private static final TwilioStandIn TWILIO = TwilioStandIn.start(0, new TwilioStandIn.Options(
            TwilioStandIn.ACCOUNT_SID, TwilioStandIn.AUTH_TOKEN, 120, 16505550100L, 1));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HttpClientSupport.serviceWithoutKafka(registry);
        registry.add("switchboard.providers.twilio-api-url", TWILIO::url);
    }

    @AfterAll
    static void stopTwilio() {
        TWILIO.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private HttpClientSupport http() {
        return new HttpClientSupport(port);
    }

    private String account(String admin, String provider, String authToken) {
        Reply created = http().send("POST", ACCOUNTS, admin, "{\"provider\":\"" + provider + "\",\"providerAccountId\":\""
                + TwilioStandIn.ACCOUNT_SID + "\",\"token\":\"" + authToken + "\",\"label\":\"Stand-in\"}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private String number(String admin, String credentialRef) {
        Reply imported = http().send("POST", "/api/v1/phone-numbers", admin, "{\"number\":\""
                + "+1202555" + NEXT_NUMBER.getAndIncrement() + "\",\"provider\":\"twilio\""
                + (credentialRef == null ? "" : ",\"credentialRef\":\"" + credentialRef + "\"") + "}");
        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(201);
        return imported.body().get("id").asText();
    }

    private List<String> failureReasons(String numberId) {
        return jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE"
                + " aggregate_identifier = ? AND payload_type LIKE '%.NumberFailed'", String.class, numberId);
    }

    @Test
    @DisplayName("R6: credentials Twilio accepts are recorded as verified, with the time, on the account")
    void verified() {
        String admin = token("org-" + UUID.randomUUID(), "carol", Role.ORG_ADMIN);
        String id = account(admin, "twilio", TwilioStandIn.AUTH_TOKEN);
        Instant before = Instant.now();

        Reply verified = http().send("POST", ACCOUNTS + "/" + id + "/verify", admin, null);

        assertThat(verified.status()).as(verified.raw().body()).isEqualTo(200);
        assertThat(verified.body().get("status").asText()).isEqualTo("VERIFIED");
        assertThat(Instant.parse(verified.body().get("at").asText())).isAfterOrEqualTo(before.minusSeconds(1));
        JsonNode shown = http().send("GET", ACCOUNTS + "/" + id, admin, null).body().get("verification");
        assertThat(shown).isEqualTo(verified.body());
        assertThat(TWILIO.requests()).contains("GET /2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + ".json -> 200");
    }

    @Test
    @DisplayName("R6: credentials Twilio refuses (401) fail the account with the time and reason, and turn its numbers ERROR")
    void refused() {
        String admin = token("org-" + UUID.randomUUID(), "carol", Role.ORG_ADMIN);
        String id = account(admin, "twilio", "revoked-token-0123456789abcdef");
        String naming = number(admin, id);
        String other = number(admin, null);

        Reply failed = http().send("POST", ACCOUNTS + "/" + id + "/verify", admin, null);

        assertThat(failed.status()).as(failed.raw().body()).isEqualTo(200);
        assertThat(failed.body().get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.body().get("reason").asText()).isEqualTo("HTTP 401: Authenticate (error 20003)");
        assertThat(failed.body().get("at").asText()).isNotBlank();
        assertThat(http().send("GET", ACCOUNTS + "/" + id, admin, null).body().get("verification"))
                .isEqualTo(failed.body());
        assertThat(failureReasons(naming)).singleElement().asString().contains("provider account " + id
                + " failed verification: HTTP 401: Authenticate (error 20003)");
        assertThat(failureReasons(other)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT status FROM registry_number WHERE number_id = ?", String.class, naming))
                .isEqualTo("ERROR");
        assertThat(failed.raw().body()).doesNotContain("revoked-token");
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    @Test
    @DisplayName("§6: an account's numbers, over every page and a 429, are imported with their details; the same key replays, another import finds them held")
    void importsTheAccountsNumbers() {
        String admin = token("org-" + UUID.randomUUID(), "carol", Role.ORG_ADMIN);
        String id = account(admin, "twilio", TwilioStandIn.AUTH_TOKEN);
        String key = UUID.randomUUID().toString();

        Reply imported = http().send("POST", ACCOUNTS + "/" + id + "/import", admin, null, Map.of("Idempotency-Key", key));

        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
        JsonNode body = imported.body();
        assertThat(body.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(body.get("total").asInt()).isEqualTo(120);
        assertThat(body.get("imported").asInt()).isEqualTo(120);
        assertThat(body.get("results").get(0).get("e164").asText()).isEqualTo("+16505550100");
        assertThat(body.get("results").get(119).get("e164").asText()).isEqualTo("+16505550219");
        assertThat(TWILIO.requests()).filteredOn(request -> request.contains("IncomingPhoneNumbers"))
                .extracting(request -> request.substring(request.lastIndexOf(' ') + 1))
                .containsExactly("200", "429", "200");
        String third = body.get("results").get(2).get("id").asText();
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, third);
        assertThat(payload).contains("\"credentialRef\":\"" + id + "\"", "\"label\":\"Stand-in line 3\"",
                "\"twilioSid\":\"PN", "\"twilioTrunkSid\":\"TK", "\"VOICE\"", "\"SMS\"", "\"provider\":\"TWILIO\"");

        long before = events();
        Reply replayed = http().send("POST", ACCOUNTS + "/" + id + "/import", admin, null, Map.of("Idempotency-Key", key));
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body()).isEqualTo(body);
        assertThat(events()).isEqualTo(before);

        Reply again = http().send("POST", ACCOUNTS + "/" + id + "/import", admin, null);
        assertThat(again.body().get("alreadyHeld").asInt()).isEqualTo(120);
        assertThat(again.body().get("results").get(0).get("outcome").asText()).isEqualTo("ALREADY_HELD");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @DisplayName("R6: an import with credentials Twilio refuses imports nothing and fails the account's verification, with the time")
    void importWithRefusedCredentials() {
        String admin = token("org-" + UUID.randomUUID(), "carol", Role.ORG_ADMIN);
        String id = account(admin, "twilio", "revoked-token-0123456789abcdef");
        long before = events();

        Reply refused = http().send("POST", ACCOUNTS + "/" + id + "/import", admin, null);

        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("PROVIDER_CREDENTIALS_REJECTED");
        assertThat(refused.body().get("detail").asText()).contains("HTTP 401: Authenticate (error 20003)");
        JsonNode verification = http().send("GET", ACCOUNTS + "/" + id, admin, null).body().get("verification");
        assertThat(verification.get("status").asText()).isEqualTo("FAILED");
        assertThat(verification.get("at").asText()).isNotBlank();
        assertThat(events()).as("only the failed verification").isEqualTo(before + 1);
    }

    @Test
    @DisplayName("§6: verifying and importing are for org admins, of their own org's accounts, at a provider whose API Switchboard reads")
    void rolesTenancyAndProviders() {
        String org = "org-" + UUID.randomUUID();
        String admin = token(org, "carol", Role.ORG_ADMIN);
        String id = account(admin, "twilio", TwilioStandIn.AUTH_TOKEN);
        String vonage = account(admin, "vonage", "vonage-token-0123456789");

        assertThat(http().send("POST", ACCOUNTS + "/" + id + "/verify", token(org, "boss", Role.MANAGER), null).code())
                .isEqualTo("FORBIDDEN");
        assertThat(http().send("POST", ACCOUNTS + "/" + id + "/verify", token(org, "dan", Role.MEMBER), null).code())
                .isEqualTo("FORBIDDEN");
        assertThat(http().send("POST", ACCOUNTS + "/" + id + "/verify",
                token("org-" + UUID.randomUUID(), "eve", Role.ORG_ADMIN), null).code()).isEqualTo("NOT_FOUND");
        Reply unsupported = http().send("POST", ACCOUNTS + "/" + vonage + "/verify", admin, null);
        assertThat(unsupported.status()).isEqualTo(422);
        assertThat(unsupported.code()).isEqualTo("PROVIDER_NOT_SUPPORTED");
        assertThat(http().send("POST", ACCOUNTS + "/" + id + "/import", token(org, "dan", Role.MEMBER), null).code())
                .isEqualTo("FORBIDDEN");
        assertThat(http().send("POST", ACCOUNTS + "/" + id + "/import",
                token("org-" + UUID.randomUUID(), "eve", Role.ORG_ADMIN), null).code()).isEqualTo("NOT_FOUND");
        assertThat(http().send("POST", ACCOUNTS + "/" + vonage + "/import", admin, null).code())
                .isEqualTo("PROVIDER_NOT_SUPPORTED");
    }
}
