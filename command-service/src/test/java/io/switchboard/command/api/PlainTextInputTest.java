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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.command.api.HttpClientSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text that PostgreSQL cannot store (U+0000) or that has no place in names and keys (other control characters,
 * unpaired surrogates) is refused where it enters, in bodies, paths and bulk rows: accepted into an event, it stopped
 * the projection that read it, for every tenant. The JSON below spells these characters as escapes, as a client
 * would have to.
 */
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlainTextInputTest {

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

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private static String member(String org) {
        return token(org, "alice", Role.MEMBER);
    }

    private String importNumber(String token) {
        HttpClientSupport.Reply reply = http().send("POST", "/api/v1/phone-numbers", token,
                "{\"number\":\"" + CommandApiTest.freshNumber() + "\",\"provider\":\"telnyx\"}");
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        return reply.body().get("id").asText();
    }

    @Test
    @DisplayName("A string or map key of a JSON body holding a control character or an unpaired surrogate answers 400 VALIDATION_FAILED naming the field, and writes nothing")
    void controlCharactersInBodies() {
        String org = UUID.randomUUID().toString();
        String numberId = importNumber(member(org));
        String number = CommandApiTest.freshNumber();
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("agent name with U+0000", new String[] {"/api/v1/agents", "{\"name\":\"bot\\u0000\"}", "name"});
        cases.put("agent name with U+001B", new String[] {"/api/v1/agents", "{\"name\":\"\\u001b[31mbot\"}", "name"});
        cases.put("label with U+0085", new String[] {"/api/v1/phone-numbers",
                "{\"number\":\"" + number + "\",\"provider\":\"telnyx\",\"label\":\"a\\u0085b\"}", "label"});
        cases.put("metadata value with U+0000", new String[] {"/api/v1/phone-numbers", "{\"number\":\"" + number
                + "\",\"provider\":\"telnyx\",\"metadata\":{\"team\":\"\\u0000\"}}", "metadata.team"});
        cases.put("metadata key with U+0001", new String[] {"/api/v1/phone-numbers", "{\"number\":\"" + number
                + "\",\"provider\":\"telnyx\",\"metadata\":{\"te\\u0001am\":\"sales\"}}", "metadata"});
        cases.put("platformRefs value with an unpaired surrogate", new String[] {"/api/v1/phone-numbers",
                "{\"number\":\"" + number + "\",\"provider\":\"telnyx\",\"platformRefs\":{\"vapi\":\"\\ud800\"}}",
                "platformRefs.vapi"});
        cases.put("transfer to a user id with U+0000", new String[] {"/api/v1/phone-numbers/" + numberId
                + "/transfer", "{\"newOwnerUserId\":\"bob\\u0000\"}", "newOwnerUserId"});
        String admin = token(org, "admin", Role.ORG_ADMIN, Role.MEMBER);
        long before = events();

        cases.forEach((name, request) -> {
            HttpClientSupport.Reply reply = http().send("POST", request[0], admin, request[1]);

            assertThat(reply.status()).as(name + ": " + reply.raw().body()).isEqualTo(400);
            assertThat(reply.code()).as(name).isEqualTo("VALIDATION_FAILED");
            assertThat(reply.body().path("field").asText()).as(name).isEqualTo(request[2]);
            assertThat(reply.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
        });
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @DisplayName("Tab, line feed and a well-formed surrogate pair (an emoji) are plain text and accepted")
    void plainTextAccepted() {
        HttpClientSupport.Reply reply = http().send("POST", "/api/v1/agents", member(UUID.randomUUID().toString()),
                "{\"name\":\"Front\\tdesk\\n\\ud83d\\udcde\"}");

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
    }

    @Test
    @DisplayName("A path variable holding a control character answers 400 before the handler, and writes nothing")
    void controlCharacterInPath() {
        long before = events();

        HttpClientSupport.Reply reply = http().send("POST", "/api/v1/phone-numbers/ab%07cd/activate",
                token(UUID.randomUUID().toString(), "admin", Role.ORG_ADMIN), null);

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(400);
        assertThat(reply.code()).isNotBlank();
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @DisplayName("R3: a bulk row holding a control character is an INVALID row naming the field, its number echoed with U+FFFD, the other rows imported")
    void controlCharactersInBulkRows() {
        String org = UUID.randomUUID().toString();
        String good = CommandApiTest.freshNumber();
        String other = CommandApiTest.freshNumber();
        long before = events();

        HttpClientSupport.Reply reply = http().send("POST", "/api/v1/phone-numbers/bulk", member(org), "["
                + "{\"number\":\"" + good + "\",\"provider\":\"telnyx\"},"
                + "{\"number\":\"" + other + "\",\"provider\":\"telnyx\",\"label\":\"a\\u0000b\"},"
                + "{\"number\":\"+1\\u0000202\",\"provider\":\"telnyx\"},"
                + "{\"number\":\"" + other + "\",\"provider\":\"tel\\u0007nyx\"}]");

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        JsonNode results = reply.body().get("results");
        assertThat(results.get(0).get("outcome").asText()).isEqualTo("IMPORTED");
        assertThat(results.get(1).get("field").asText()).isEqualTo("label");
        assertThat(results.get(2).get("field").asText()).isEqualTo("number");
        assertThat(results.get(2).get("number").asText()).isEqualTo("+1\uFFFD202");
        assertThat(results.get(3).get("field").asText()).isEqualTo("provider");
        for (int row = 1; row < 4; row++) {
            assertThat(results.get(row).get("outcome").asText()).isEqualTo("INVALID");
            assertThat(results.get(row).get("code").asText()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(events()).isEqualTo(before + 1);
    }
}
