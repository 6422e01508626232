package io.switchboard.command.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.Role;
import io.switchboard.command.CommandServiceApplication;
import io.switchboard.command.api.HttpClientSupport;
import io.switchboard.command.api.HttpClientSupport.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.switchboard.command.api.HttpClientSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §6 over HTTP on real PostgreSQL: provider accounts, their masked replies, roles, tenancy, and numbers naming them. */
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProviderAccountApiTest {

    private static final String ACCOUNTS = "/api/v1/provider-accounts";
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(5000);

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

    private static String org() {
        return "org-" + UUID.randomUUID();
    }

    /** A secret no other test uses, long enough to be shown with its last four characters. */
    private static String secret(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    private static String tokenBody(String provider, String sid, String token, String label) {
        return "{\"provider\":\"" + provider + "\",\"providerAccountId\":\"" + sid + "\",\"token\":\"" + token + "\""
                + (label == null ? "" : ",\"label\":\"" + label + "\"") + "}";
    }

    private String create(String token, String body) {
        Reply reply = http().send("POST", ACCOUNTS, token, body);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        return reply.body().get("id").asText();
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private long rows() {
        return jdbc.queryForObject("SELECT count(*) FROM provider_credential", Long.class);
    }

    private List<String> payloadsOf(String aggregateId) {
        return jdbc.query("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                (rs, row) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), aggregateId);
    }

    @Test
    @DisplayName("§6: an ORG_ADMIN keeps a token; replies show the SID and token masked, the event holds neither")
    void createAndReadMasked() {
        String org = org();
        String admin = token(org, "carol", Role.ORG_ADMIN);
        String sid = secret("AC");
        String secretToken = secret("sk_live_");

        Reply created = http().send("POST", ACCOUNTS, admin, tokenBody("twilio", sid, secretToken, "Production"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(created.raw().headers().firstValue("Location")).contains(ACCOUNTS + "/" + id);
        assertThat(created.body().get("position").asLong()).isPositive();

        Reply one = http().send("GET", ACCOUNTS + "/" + id, admin, null);
        assertThat(one.status()).isEqualTo(200);
        JsonNode view = one.body();
        assertThat(view.get("id").asText()).isEqualTo(id);
        assertThat(view.get("provider").asText()).isEqualTo("TWILIO");
        assertThat(view.get("label").asText()).isEqualTo("Production");
        assertThat(view.get("providerAccountId").asText()).isEqualTo("••••" + sid.substring(sid.length() - 4));
        assertThat(view.get("token").asText()).isEqualTo("••••" + secretToken.substring(secretToken.length() - 4));
        assertThat(view.get("credentialType").asText()).isEqualTo("TOKEN");
        assertThat(view.get("credentialsReadable").asBoolean()).isTrue();
        assertThat(view.get("keyId").asText()).isEqualTo("test");
        assertThat(view.get("createdBy").asText()).isEqualTo("carol");
        assertThat(view.has("apiKey")).isFalse();
        assertThat(one.raw().headers().firstValue("Cache-Control")).contains("no-store");

        Reply list = http().send("GET", ACCOUNTS, token(org, "boss", Role.MANAGER), null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("items")).hasSize(1);
        assertThat(list.body().get("items").get(0)).isEqualTo(view);
        assertThat(list.body().has("nextCursor")).isFalse();

        for (String reply : List.of(created.raw().body(), one.raw().body(), list.raw().body())) {
            assertThat(reply).doesNotContain(secretToken).doesNotContain(sid)
                    .doesNotContain(secretToken.substring(0, 12)).doesNotContain(sid.substring(0, 12));
        }
        List<String> payloads = payloadsOf(id);
        assertThat(payloads).hasSize(1);
        assertThat(payloads.get(0)).contains(id, org, "TWILIO", "Production", "TOKEN", "\"keyId\":\"test\"")
                .doesNotContain(secretToken).doesNotContain(sid).doesNotContain(secretToken.substring(secretToken.length() - 4));
        byte[] ciphertext = jdbc.queryForObject("SELECT ciphertext FROM provider_credential WHERE account_id = ?",
                byte[].class, id);
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(secretToken).doesNotContain(sid);
    }

    @Test
    @DisplayName("§6: an API key and secret are kept too; values shorter than 12 characters are masked whole")
    void apiKeyAndShortValues() {
        String org = org();
        String admin = token(org, "pat", Role.PLATFORM_ADMIN);
        String apiKey = secret("SK");
        String id = create(admin, "{\"provider\":\"telnyx\",\"providerAccountId\":\"short-1\",\"apiKey\":\"" + apiKey
                + "\",\"apiSecret\":\"tiny\"}");

        JsonNode view = http().send("GET", ACCOUNTS + "/" + id, admin, null).body();
        assertThat(view.get("credentialType").asText()).isEqualTo("API_KEY");
        assertThat(view.get("providerAccountId").asText()).isEqualTo("••••");
        assertThat(view.get("apiKey").asText()).isEqualTo("••••" + apiKey.substring(apiKey.length() - 4));
        assertThat(view.get("apiSecret").asText()).isEqualTo("••••");
        assertThat(view.has("token")).isFalse();
        assertThat(view.has("label")).isFalse();
    }

    @Test
    @DisplayName("§6: credentials in a wrong form answer 400 with the field, never echo a secret, and write nothing")
    void badInputWritesNothing() {
        String admin = token(org(), "carol", Role.ORG_ADMIN);
        String secretToken = secret("sk_live_");
        long events = events();
        long rows = rows();
        Map<String, String> cases = Map.of(
                "{\"provider\":\"twilio\",\"providerAccountId\":\"AC1\",\"token\":\"" + secretToken
                        + "\",\"apiKey\":\"SK1\",\"apiSecret\":\"x\"}", "apiKey",
                "{\"provider\":\"twilio\",\"providerAccountId\":\"AC1\"}", "token",
                "{\"provider\":\"twilio\",\"providerAccountId\":\"AC1\",\"apiKey\":\"" + secretToken + "\"}", "apiSecret",
                "{\"provider\":\"twilio\",\"providerAccountId\":\"AC1\",\"apiSecret\":\"" + secretToken + "\"}", "apiKey",
                "{\"provider\":\"twilio\",\"token\":\"" + secretToken + "\"}", "providerAccountId",
                "{\"providerAccountId\":\"AC1\",\"token\":\"" + secretToken + "\"}", "provider",
                "{\"provider\":\"twilio\",\"providerAccountId\":\"AC1\",\"token\":\"" + "x".repeat(1025) + "\"}", "token",
                "{\"provider\":\"twilio\",\"providerAccountId\":\"AC1\",\"token\":\"" + secretToken + "\",\"label\":\""
                        + "x".repeat(65) + "\"}", "label",
                "{\"provider\":\"twilio\",\"providerAccountId\":\"AC1\",\"token\":\"" + secretToken
                        + "\",\"password\":\"" + secretToken + "\"}", "password");

        cases.forEach((body, field) -> {
            Reply reply = http().send("POST", ACCOUNTS, admin, body);
            assertThat(reply.status()).as(field).isEqualTo(400);
            assertThat(reply.body().path("field").asText()).as(field).isEqualTo(field);
            assertThat(reply.raw().body()).as(field).doesNotContain(secretToken);
        });
        assertThat(events()).isEqualTo(events);
        assertThat(rows()).isEqualTo(rows);
    }

    @Test
    @DisplayName("§6: roles: admins manage, a MANAGER reads, MEMBER and SERVICE get 403; no token is 401")
    void roles() {
        String org = org();
        String admin = token(org, "carol", Role.ORG_ADMIN);
        String id = create(admin, tokenBody("twilio", secret("AC"), secret("sk_live_"), null));
        String body = tokenBody("twilio", secret("AC"), secret("sk_live_"), null);

        for (Role role : List.of(Role.MEMBER, Role.SERVICE)) {
            String caller = token(org, "someone", role);
            assertThat(http().send("POST", ACCOUNTS, caller, body).status()).as(role + " POST").isEqualTo(403);
            assertThat(http().send("GET", ACCOUNTS, caller, null).status()).as(role + " list").isEqualTo(403);
            assertThat(http().send("GET", ACCOUNTS + "/" + id, caller, null).status()).as(role + " GET").isEqualTo(403);
            assertThat(http().send("DELETE", ACCOUNTS + "/" + id, caller, null).status()).as(role + " DELETE")
                    .isEqualTo(403);
        }
        String manager = token(org, "boss", Role.MANAGER);
        assertThat(http().send("GET", ACCOUNTS + "/" + id, manager, null).status()).isEqualTo(200);
        assertThat(http().send("POST", ACCOUNTS, manager, body).status()).isEqualTo(403);
        assertThat(http().send("DELETE", ACCOUNTS + "/" + id, manager, null).status()).isEqualTo(403);
        assertThat(http().send("GET", ACCOUNTS + "/" + id, null, null).status()).isEqualTo(401);
        assertThat(http().send("POST", "/api/v1/admin/provider-accounts/reencrypt", admin, null).status())
                .isEqualTo(403);
        assertThat(http().send("GET", ACCOUNTS + "/" + id, admin, null).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("§6: another org's account answers 404 to read and delete, and is not listed")
    void otherOrgSeesNothing() {
        String org = org();
        String id = create(token(org, "carol", Role.ORG_ADMIN), tokenBody("twilio", secret("AC"), secret("sk_live_"), null));
        String mallory = token(org(), "mallory", Role.ORG_ADMIN);

        Reply read = http().send("GET", ACCOUNTS + "/" + id, mallory, null);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.code()).isEqualTo("NOT_FOUND");
        assertThat(http().send("DELETE", ACCOUNTS + "/" + id, mallory, null).status()).isEqualTo(404);
        assertThat(http().send("GET", ACCOUNTS, mallory, null).body().get("items")).isEmpty();
        assertThat(http().send("GET", ACCOUNTS + "/" + id, token(org, "carol", Role.ORG_ADMIN), null).status())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("§6: deleting an account deletes its encrypted row and records the removal; it is then gone")
    void deleteShredsTheRow() {
        String org = org();
        String admin = token(org, "carol", Role.ORG_ADMIN);
        String id = create(admin, tokenBody("vonage", secret("AC"), secret("sk_live_"), "Old"));

        Reply deleted = http().send("DELETE", ACCOUNTS + "/" + id, admin, null);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("version").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_credential WHERE account_id = ?", Long.class, id))
                .isZero();
        assertThat(payloadsOf(id)).hasSize(2);
        assertThat(payloadsOf(id).get(1)).isEqualTo("{\"accountId\":\"" + id + "\",\"orgId\":\"" + org + "\"}");
        assertThat(http().send("GET", ACCOUNTS + "/" + id, admin, null).status()).isEqualTo(404);
        assertThat(http().send("DELETE", ACCOUNTS + "/" + id, admin, null).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("§6: the list is bounded and paged with a cursor, oldest first")
    void paging() {
        String org = org();
        String admin = token(org, "carol", Role.ORG_ADMIN);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(admin, tokenBody("plivo", secret("AC"), secret("sk_live_"), "Account " + i)));
        }

        JsonNode first = http().send("GET", ACCOUNTS + "?limit=2", admin, null).body();
        JsonNode second = http().send("GET", ACCOUNTS + "?limit=2&cursor=" + first.get("nextCursor").asText(), admin,
                null).body();

        List<String> seen = new ArrayList<>();
        first.get("items").forEach(item -> seen.add(item.get("id").asText()));
        second.get("items").forEach(item -> seen.add(item.get("id").asText()));
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(second.has("nextCursor")).isFalse();
        assertThat(http().send("GET", ACCOUNTS + "?limit=101", admin, null).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(http().send("GET", ACCOUNTS + "?limit=0", admin, null).status()).isEqualTo(400);
        assertThat(http().send("GET", ACCOUNTS + "?cursor=bm9wZQ", admin, null).code()).isEqualTo("INVALID_CURSOR");
    }

    @Test
    @DisplayName("§6: Idempotency-Key: a retry returns the first reply and keeps one row; other secrets with the key are 422")
    void idempotentCreate() {
        String admin = token(org(), "carol", Role.ORG_ADMIN);
        String body = tokenBody("twilio", secret("AC"), secret("sk_live_"), "Retry");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Reply first = http().send("POST", ACCOUNTS, admin, body, key);
        long rows = rows();
        Reply retry = http().send("POST", ACCOUNTS, admin, body, key);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(rows()).isEqualTo(rows);
        Reply otherSecret = http().send("POST", ACCOUNTS, admin, body.replace("sk_live_", "sk_test_"), key);
        assertThat(otherSecret.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(jdbc.queryForList("SELECT request_hash FROM idempotency_record", String.class))
                .noneMatch(hash -> hash.contains("sk_live_"));
    }

    @Test
    @DisplayName("§6, R5: a number names an account of its org and provider as credentialRef; anything else is refused and writes nothing")
    void numbersReferenceAccounts() {
        String org = org();
        String admin = token(org, "carol", Role.ORG_ADMIN);
        String member = token(org, "alice", Role.MEMBER);
        String twilio = create(admin, tokenBody("twilio", secret("AC"), secret("sk_live_"), null));
        String foreign = create(token(org(), "mallory", Role.ORG_ADMIN), tokenBody("twilio", secret("AC"),
                secret("sk_live_"), null));
        String removed = create(admin, tokenBody("twilio", secret("AC"), secret("sk_live_"), null));
        assertThat(http().send("DELETE", ACCOUNTS + "/" + removed, admin, null).status()).isEqualTo(200);
        long events = events();

        Map<String, String> refused = Map.of(
                "\"twilio\",\"credentialRef\":\"" + UUID.randomUUID() + "\"", "404 PROVIDER_ACCOUNT_NOT_FOUND",
                "\"twilio\",\"credentialRef\":\"" + foreign + "\"", "404 PROVIDER_ACCOUNT_NOT_FOUND",
                "\"twilio\",\"credentialRef\":\"" + removed + "\"", "404 PROVIDER_ACCOUNT_NOT_FOUND",
                "\"twilio\",\"credentialRef\":\"sk_live_pasted_by_mistake\"", "404 PROVIDER_ACCOUNT_NOT_FOUND",
                "\"telnyx\",\"credentialRef\":\"" + twilio + "\"", "409 PROVIDER_MISMATCH");
        refused.forEach((provider, expected) -> {
            Reply reply = http().send("POST", "/api/v1/phone-numbers", member,
                    "{\"number\":\"+1202555" + NEXT_NUMBER.getAndIncrement() + "\",\"provider\":" + provider + "}");
            assertThat(reply.status() + " " + reply.code()).as(provider).isEqualTo(expected);
            assertThat(reply.body().path("field").asText()).isEqualTo("credentialRef");
            assertThat(reply.raw().body()).doesNotContain("sk_live_pasted_by_mistake");
        });
        assertThat(events()).isEqualTo(events);

        Reply imported = http().send("POST", "/api/v1/phone-numbers", member,
                "{\"number\":\"+1202555" + NEXT_NUMBER.getAndIncrement() + "\",\"provider\":\"twilio\",\"credentialRef\":\""
                        + twilio + "\"}");
        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(201);
        assertThat(payloadsOf(imported.body().get("id").asText()).get(0)).contains("\"credentialRef\":\"" + twilio + "\"");
    }

    @Test
    @DisplayName("§6: an import retried with its Idempotency-Key answers as the first time, even after its account was removed")
    void importRetryAfterRemoval() {
        String org = org();
        String admin = token(org, "carol", Role.ORG_ADMIN);
        String account = create(admin, tokenBody("twilio", secret("AC"), secret("sk_live_"), null));
        String body = "{\"number\":\"+1202555" + NEXT_NUMBER.getAndIncrement()
                + "\",\"provider\":\"twilio\",\"credentialRef\":\"" + account + "\"}";
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Reply first = http().send("POST", "/api/v1/phone-numbers", admin, body, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(http().send("DELETE", ACCOUNTS + "/" + account, admin, null).status()).isEqualTo(200);

        Reply retry = http().send("POST", "/api/v1/phone-numbers", admin, body, key);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    @DisplayName("§6: a tampered ciphertext does not decrypt: the account shows its credentials as unreadable, nothing else")
    void tamperedCiphertext() {
        String org = org();
        String admin = token(org, "carol", Role.ORG_ADMIN);
        String id = create(admin, tokenBody("twilio", secret("AC"), secret("sk_live_"), "Tampered"));

        jdbc.update("UPDATE provider_credential SET ciphertext = set_byte(ciphertext, 3, get_byte(ciphertext, 3) # 1)"
                + " WHERE account_id = ?", id);

        Reply reply = http().send("GET", ACCOUNTS + "/" + id, admin, null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("credentialsReadable").asBoolean()).isFalse();
        assertThat(reply.body().has("token")).isFalse();
        assertThat(reply.body().has("providerAccountId")).isFalse();
        assertThat(reply.body().get("label").asText()).isEqualTo("Tampered");
    }
}
