package io.switchboard.command.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.Role;
import io.switchboard.api.provider.SealedCredentials;
import io.switchboard.command.CommandServiceApplication;
import io.switchboard.command.api.HttpClientSupport;
import io.switchboard.command.api.HttpClientSupport.Reply;
import io.switchboard.testing.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.command.api.HttpClientSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * SPEC §6, key rotation, as an operator does it: accounts stored under key A; the service restarted with keys A
 * and B and B active; a rotation run moves every row to B; the old key can then go.
 */
class CredentialRotationTest {

    private static final String KEY_A = CredentialCipherTest.randomKey();
    private static final String KEY_B = CredentialCipherTest.randomKey();
    private static final String REENCRYPT = "/api/v1/admin/provider-accounts/reencrypt";

    private static ConfigurableApplicationContext start(String database, String activeKey, Map<String, String> keys) {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--spring.datasource.hikari.connection-init-sql=SET search_path TO command",
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--switchboard.kafka.enabled=false",
                "--switchboard.credentials.active-key=" + activeKey,
                "--switchboard.credentials.reencrypt-batch-size=2"));
        arguments.addAll(HttpClientSupport.tokenArguments());
        keys.forEach((id, key) -> arguments.add("--switchboard.credentials.keys." + id + "=" + key));
        return new SpringApplicationBuilder(CommandServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    private static HttpClientSupport http(ConfigurableApplicationContext service) {
        return new HttpClientSupport(((WebServerApplicationContext) service).getWebServer().getPort());
    }

    private static String secret(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    @DisplayName("§6: the service does not start without a valid active key, and says why without showing a key")
    void noStartWithoutKey() {
        String database = TestDatabase.newDatabase("nokey_" + UUID.randomUUID().toString().replace("-", ""));
        String shortKey = java.util.Base64.getEncoder().encodeToString(new byte[16]);

        Throwable missing = catchThrowable(() -> start(database, "", Map.of()).close());
        Throwable tooShort = catchThrowable(() -> start(database, "short", Map.of("short", shortKey)).close());

        assertThat(rootCause(missing)).hasMessageContaining("SWITCHBOARD_CREDENTIALS_ACTIVE_KEY");
        assertThat(rootCause(tooShort)).hasMessageContaining("switchboard.credentials.keys.short")
                .hasMessageContaining("16 bytes");
        assertThat(rootCause(tooShort).getMessage()).doesNotContain(shortKey);
    }

    private static Throwable rootCause(Throwable failure) {
        assertThat(failure).isNotNull();
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    @DisplayName("§6: rotation re-encrypts every row under the active key in batches; rows still decrypt, a tampered one is refused and counted")
    void rotate() {
        String database = TestDatabase.newDatabase("rotation_" + UUID.randomUUID().toString().replace("-", ""));
        String acme = "acme-" + UUID.randomUUID();
        String globex = "globex-" + UUID.randomUUID();
        Map<String, String> tokens = new LinkedHashMap<>();
        Map<String, JsonNode> before = new LinkedHashMap<>();
        String tampered;

        try (ConfigurableApplicationContext underA = start(database, "a", Map.of("a", KEY_A))) {
            HttpClientSupport http = http(underA);
            for (int i = 0; i < 5; i++) {
                String org = i % 2 == 0 ? acme : globex;
                String secretToken = secret("sk_live_");
                Reply created = http.send("POST", "/api/v1/provider-accounts", token(org, "carol", Role.ORG_ADMIN),
                        "{\"provider\":\"twilio\",\"providerAccountId\":\"" + secret("AC") + "\",\"token\":\""
                                + secretToken + "\",\"label\":\"Account " + i + "\"}");
                assertThat(created.status()).isEqualTo(201);
                String id = created.body().get("id").asText();
                tokens.put(id, secretToken);
                before.put(id, http.send("GET", "/api/v1/provider-accounts/" + id, token(org, "carol", Role.ORG_ADMIN),
                        null).body());
            }
            JdbcTemplate jdbc = underA.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT DISTINCT key_id FROM provider_credential", String.class))
                    .containsExactly("a");
            tampered = tokens.keySet().iterator().next();
            jdbc.update("UPDATE provider_credential SET ciphertext = set_byte(ciphertext, 0, get_byte(ciphertext, 0) # 128)"
                    + " WHERE account_id = ?", tampered);
            tokens.remove(tampered);
        }

        try (ConfigurableApplicationContext underB = start(database, "b", Map.of("a", KEY_A, "b", KEY_B))) {
            HttpClientSupport http = http(underB);
            JdbcTemplate jdbc = underB.getBean(JdbcTemplate.class);
            Map<String, byte[]> oldCiphertexts = new LinkedHashMap<>();
            tokens.keySet().forEach(id -> oldCiphertexts.put(id, jdbc.queryForObject(
                    "SELECT ciphertext FROM provider_credential WHERE account_id = ?", byte[].class, id)));
            String operator = token("platform", "ops", Role.PLATFORM_ADMIN);
            assertThat(http.send("POST", REENCRYPT, token(acme, "carol", Role.ORG_ADMIN), null).status()).isEqualTo(403);

            Reply run = http.send("POST", REENCRYPT, operator, null);

            assertThat(run.status()).as(run.raw().body()).isEqualTo(200);
            assertThat(run.body().get("activeKeyId").asText()).isEqualTo("b");
            assertThat(run.body().get("reencrypted").asLong()).isEqualTo(4);
            assertThat(run.body().get("failed").asLong()).isEqualTo(1);
            assertThat(run.body().get("remaining").asLong()).isEqualTo(1);
            assertThat(jdbc.queryForList("SELECT account_id FROM provider_credential WHERE key_id = 'b'", String.class))
                    .containsExactlyInAnyOrderElementsOf(tokens.keySet());
            assertThat(jdbc.queryForObject("SELECT key_id FROM provider_credential WHERE account_id = ?", String.class,
                    tampered)).isEqualTo("a");

            CredentialCipher cipher = underB.getBean(CredentialCipher.class);
            tokens.forEach((id, secretToken) -> {
                SealedCredentials stored = jdbc.queryForObject(
                        "SELECT key_id, nonce, ciphertext FROM provider_credential WHERE account_id = ?",
                        (rs, row) -> new SealedCredentials(rs.getString(1), rs.getBytes(2), rs.getBytes(3)), id);
                assertThat(stored.keyId()).isEqualTo("b");
                assertThat(Arrays.equals(stored.ciphertext(), oldCiphertexts.get(id))).isFalse();
                assertThat(ProviderSecrets.decode(cipher.open(id, stored)).token()).isEqualTo(secretToken);
                String org = jdbc.queryForObject("SELECT org_id FROM provider_credential WHERE account_id = ?",
                        String.class, id);
                JsonNode view = http.send("GET", "/api/v1/provider-accounts/" + id, token(org, "carol", Role.ORG_ADMIN),
                        null).body();
                assertThat(view.get("keyId").asText()).isEqualTo("b");
                assertThat(view.get("token")).isEqualTo(before.get(id).get("token"));
                assertThat(view.get("providerAccountId")).isEqualTo(before.get(id).get("providerAccountId"));
            });
            List<String> rotationEvents = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                    + " WHERE payload_type LIKE '%ProviderAccountCredentialsReencrypted'", String.class);
            assertThat(rotationEvents).hasSize(4)
                    .allMatch(event -> event.contains("\"previousKeyId\":\"a\"") && event.contains("\"keyId\":\"b\""))
                    .noneMatch(event -> tokens.values().stream().anyMatch(event::contains));

            Reply again = http.send("POST", REENCRYPT, operator, null);
            assertThat(again.body().get("reencrypted").asLong()).isZero();
            assertThat(again.body().get("failed").asLong()).isEqualTo(1);
            assertThat(again.body().get("remaining").asLong()).isEqualTo(1);
            assertThat(new String(run.raw().body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .doesNotContain(KEY_A).doesNotContain(KEY_B);
        }

        try (ConfigurableApplicationContext withoutA = start(database, "b", Map.of("b", KEY_B))) {
            HttpClientSupport http = http(withoutA);
            String id = tokens.keySet().iterator().next();
            String org = withoutA.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT org_id FROM provider_credential WHERE account_id = ?", String.class, id);
            JsonNode view = http.send("GET", "/api/v1/provider-accounts/" + id, token(org, "carol", Role.ORG_ADMIN),
                    null).body();
            assertThat(view.get("credentialsReadable").asBoolean()).isTrue();
            assertThat(view.get("token")).isEqualTo(before.get(id).get("token"));
        }
    }
}
