package io.switchboard.command.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.common.Role;
import io.switchboard.command.CommandServiceApplication;
import io.switchboard.command.api.HttpClientSupport;
import io.switchboard.command.idempotency.IdempotencyKey;
import io.switchboard.command.idempotency.IdempotencyStore;
import io.switchboard.command.shared.CommandOutcome;
import io.switchboard.support.identity.Actor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static io.switchboard.command.api.HttpClientSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** POST /api/v1/phone-numbers/bulk over HTTP, against the real service and PostgreSQL. */
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "switchboard.bulk-import.chunk-size=50")
class BulkImportTest {

    private static final String PATH = "/api/v1/phone-numbers/bulk";
    private static final Map<String, String> CSV = Map.of("Content-Type", "text/csv");
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(2_000_000);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        HttpClientSupport.serviceWithoutKafka(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BulkImportStore store;
    @Autowired
    IdempotencyStore idempotency;

    private HttpClientSupport http() {
        return new HttpClientSupport(port);
    }

    /** A US number no other test uses. */
    private static String freshNumber() {
        return "+1415" + NEXT_NUMBER.getAndIncrement();
    }

    private static String member(String org) {
        return token(org, "alice", Role.MEMBER);
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private HttpClientSupport.Reply csv(String token, String body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(CSV);
        all.putAll(headers);
        return http().send("POST", PATH, token, body, all);
    }

    private HttpClientSupport.Reply csv(String token, String body) {
        return csv(token, body, Map.of());
    }

    private static List<JsonNode> results(HttpClientSupport.Reply reply) {
        return StreamSupport.stream(reply.body().get("results").spliterator(), false).toList();
    }

    private static String outcomes(HttpClientSupport.Reply reply) {
        return results(reply).stream().map(result -> result.get("row").asInt() + ":" + result.get("outcome").asText()
                + (result.has("code") ? "/" + result.get("code").asText() : "")
                + (result.has("field") ? "@" + result.get("field").asText() : ""))
                .collect(Collectors.joining(" "));
    }

    @Test
    @DisplayName("R3, R5: a CSV file with a header (in any column order) imports each row as a single import would: NumberImported, owned by the caller, with its label")
    void csvWithHeader() {
        String org = UUID.randomUUID().toString();
        String first = freshNumber();
        String second = freshNumber();
        long before = events();

        HttpClientSupport.Reply reply = csv(member(org), "number,provider,country,label\n"
                + first + ",telnyx,US,Front desk\n" + second + ",twilio,us,\n");

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        assertThat(reply.body().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(reply.body().get("total").asInt()).isEqualTo(2);
        assertThat(reply.body().get("imported").asInt()).isEqualTo(2);
        assertThat(outcomes(reply)).isEqualTo("2:IMPORTED 3:IMPORTED");
        JsonNode row = results(reply).get(0);
        assertThat(row.get("number").asText()).isEqualTo(first);
        assertThat(row.get("e164").asText()).isEqualTo(first);
        String id = row.get("id").asText();
        assertThat(events()).isEqualTo(before + 2);
        Map<String, Object> stored = jdbc.queryForMap("""
                        SELECT payload_type, convert_from(payload, 'UTF8') AS payload,
                            convert_from(meta_data, 'UTF8') AS meta_data, global_index
                        FROM domain_event_entry WHERE aggregate_identifier = ?""", id);
        assertThat(stored.get("payload_type").toString()).endsWith("NumberImported");
        assertThat(stored.get("payload").toString()).contains("\"ownerUserId\":\"alice\"", "\"label\":\"Front desk\"",
                "\"provider\":\"TELNYX\"", "\"importedBy\":\"alice\"");
        assertThat(stored.get("meta_data").toString()).contains("\"actorId\":\"alice\"",
                "\"correlationId\":\"" + reply.body().get("id").asText() + "\"");
        assertThat(reply.body().get("position").asLong()).isGreaterThanOrEqualTo((Long) stored.get("global_index"));
        assertThat(jdbc.queryForObject("SELECT org_id FROM registry_number WHERE number_id = ? AND held", String.class,
                id)).isEqualTo(org);
        HttpClientSupport.Reply reordered = csv(member(org), "Label,Provider,Number\nBack desk,plivo," + freshNumber());
        assertThat(outcomes(reordered)).isEqualTo("2:IMPORTED");
    }

    @Test
    @DisplayName("R3: a CSV file without a header is number, provider, country, label; quotes hold commas, blank lines are skipped")
    void csvWithoutHeader() {
        String first = freshNumber();
        String second = freshNumber();

        HttpClientSupport.Reply reply = csv(member(UUID.randomUUID().toString()),
                first + ",telnyx,US,\"Sales, 2nd floor\"\r\n\r\n" + second + ",SIP\n");

        assertThat(outcomes(reply)).isEqualTo("1:IMPORTED 3:IMPORTED");
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                + " WHERE aggregate_identifier = ?", String.class, results(reply).get(0).get("id").asText()))
                .contains("\"label\":\"Sales, 2nd floor\"");
    }

    @Test
    @DisplayName("R3: a JSON array imports like a CSV file, with the field names of a single import; rows count from 1")
    void jsonArray() {
        String first = freshNumber();
        String second = freshNumber();

        HttpClientSupport.Reply reply = http().send("POST", PATH, member(UUID.randomUUID().toString()),
                "[{\"number\":\"" + first + "\",\"provider\":\"telnyx\",\"country\":\"US\",\"label\":\"Desk\"},"
                        + "{\"number\":\"" + second + "\",\"provider\":\"bandwidth\"},"
                        + "{\"number\":\"" + freshNumber() + "\",\"provider\":\"telnyx\",\"colour\":\"red\"},"
                        + "{\"number\":12025550123,\"provider\":\"telnyx\"},"
                        + "\"+12025550123\"]");

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        assertThat(outcomes(reply)).isEqualTo("1:IMPORTED 2:IMPORTED 3:INVALID/UNKNOWN_FIELD@colour"
                + " 4:INVALID/VALIDATION_FAILED@number 5:INVALID/VALIDATION_FAILED");
    }

    @Test
    @DisplayName("R3, R4: a bad row never stops the others, and each row says exactly what became of it")
    void mixedRows() {
        String org = UUID.randomUUID().toString();
        String token = member(org);
        String heldHere = freshNumber();
        String heldElsewhere = freshNumber();
        assertThat(csv(token, heldHere + ",telnyx").status()).isEqualTo(200);
        assertThat(csv(member(UUID.randomUUID().toString()), heldElsewhere + ",telnyx").status()).isEqualTo(200);
        String fresh = freshNumber();
        String twice = freshNumber();
        long before = events();

        HttpClientSupport.Reply reply = csv(token, String.join("\n",
                "number,provider,country,label",
                fresh + ",telnyx,US,Fresh",
                "12345,telnyx,US",
                "+999 123,twilio",
                freshNumber() + ",carrier-pigeon,US",
                "+442079460958,twilio,US",
                twice + ",plivo",
                heldHere + ",telnyx",
                heldElsewhere + ",telnyx",
                twice + ",vonage",
                freshNumber() + ",telnyx,US," + "x".repeat(65),
                freshNumber() + ",telnyx,US,label,extra",
                "(415) 555-0100,telnyx,US",
                freshNumber() + ",telnyx,USA",
                "\"" + freshNumber() + ",telnyx"));

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        assertThat(outcomes(reply)).isEqualTo(String.join(" ",
                "2:IMPORTED",
                "3:INVALID/INVALID_PHONE_NUMBER@number",
                "4:INVALID/INVALID_PHONE_NUMBER@number",
                "5:INVALID/VALIDATION_FAILED@provider",
                "6:INVALID/VALIDATION_FAILED@country",
                "7:IMPORTED",
                "8:ALREADY_HELD/NUMBER_ALREADY_HELD",
                "9:ALREADY_HELD/NUMBER_ALREADY_HELD",
                "10:ALREADY_HELD/NUMBER_ALREADY_HELD",
                "11:INVALID/VALIDATION_FAILED@label",
                "12:INVALID/VALIDATION_FAILED",
                "13:IMPORTED",
                "14:INVALID/VALIDATION_FAILED@country",
                "15:INVALID/VALIDATION_FAILED"));
        List<JsonNode> results = results(reply);
        assertThat(results.get(6).get("reason").asText()).contains("by your organization");
        assertThat(results.get(7).get("reason").asText()).contains("by another organization");
        assertThat(results.get(8).get("reason").asText()).contains("row 7 of this request");
        assertThat(results.get(4).get("reason").asText()).contains("GB", "not of US");
        assertThat(results.get(2).get("reason").asText()).contains("country calling code");
        assertThat(results.get(11).get("e164").asText()).isEqualTo("+14155550100");
        assertThat(reply.body().get("imported").asInt()).isEqualTo(3);
        assertThat(reply.body().get("alreadyHeld").asInt()).isEqualTo(3);
        assertThat(reply.body().get("invalid").asInt()).isEqualTo(8);
        assertThat(events()).isEqualTo(before + 3);
    }

    @Test
    @DisplayName("§6: 10,000 rows, the most a request may carry, are all imported")
    void tenThousandRows() {
        String org = UUID.randomUUID().toString();
        String body = IntStream.range(0, 10_000).mapToObj(i -> freshNumber() + ",telnyx,US,Row " + i)
                .collect(Collectors.joining("\n"));
        long before = events();

        Instant start = Instant.now();
        HttpClientSupport.Reply reply = csv(token(org, "admin", Role.ORG_ADMIN), body);
        System.out.println("10,000 rows imported in " + Duration.between(start, Instant.now()).toMillis() + " ms");

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        assertThat(reply.body().get("imported").asInt()).isEqualTo(10_000);
        assertThat(events()).isEqualTo(before + 10_000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry_number WHERE org_id = ? AND held", Long.class,
                org)).isEqualTo(10_000);
    }

    @Test
    @DisplayName("§6: 10,001 rows are refused with 413 TOO_MANY_ROWS, as CSV or JSON, and nothing is written")
    void tooManyRows() {
        String token = member(UUID.randomUUID().toString());
        String csv = IntStream.range(0, 10_001).mapToObj(i -> freshNumber() + ",telnyx")
                .collect(Collectors.joining("\n"));
        String json = IntStream.range(0, 10_001).mapToObj(i -> "{\"number\":\"" + freshNumber()
                + "\",\"provider\":\"telnyx\"}").collect(Collectors.joining(",", "[", "]"));
        long before = events();
        long imports = jdbc.queryForObject("SELECT count(*) FROM bulk_import", Long.class);

        for (HttpClientSupport.Reply reply : List.of(csv(token, csv), http().send("POST", PATH, token, json))) {
            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.code()).isEqualTo("TOO_MANY_ROWS");
            assertThat(reply.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
        }
        assertThat(events()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bulk_import", Long.class)).isEqualTo(imports);
    }

    @Test
    @DisplayName("§6: a request without rows, or whose body or header cannot be read, is 400 and writes nothing")
    void nothingToImport() {
        String token = member(UUID.randomUUID().toString());
        long before = events();

        assertThat(csv(token, "number,provider,country,label\n\n").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(csv(token, "").code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(csv(token, "number,provider,colour\n" + freshNumber() + ",telnyx,red").code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(http().send("POST", PATH, token, "[]").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(http().send("POST", PATH, token, "{\"number\":\"" + freshNumber() + "\"}").code())
                .isEqualTo("MALFORMED_REQUEST");
        assertThat(http().send("POST", PATH, token, "[{\"number\":").code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(csv(token, freshNumber() + ",telnyx", Map.of("Idempotency-Key", "x".repeat(256))).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @DisplayName("§4: a body that is neither text/csv nor application/json is 415 UNSUPPORTED_MEDIA_TYPE")
    void unsupportedMediaType() {
        String token = member(UUID.randomUUID().toString());
        long before = events();

        for (String type : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                "text/csv; charset=no-such-charset")) {
            HttpClientSupport.Reply reply = http().send("POST", PATH, token, freshNumber() + ",telnyx",
                    Map.of("Content-Type", type));
            assertThat(reply.status()).as(type).isEqualTo(415);
            assertThat(reply.code()).as(type).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @DisplayName("§4: the same Idempotency-Key replays the first results and writes nothing new; another request under it is 422")
    void idempotentReplay() {
        String token = member(UUID.randomUUID().toString());
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String body = freshNumber() + ",telnyx,US,One\n" + freshNumber() + ",telnyx,US,Two\nnot a number,telnyx";

        HttpClientSupport.Reply first = csv(token, body, key);
        long after = events();
        HttpClientSupport.Reply again = csv(token, body, key);
        HttpClientSupport.Reply withOtherSpacing = csv(token, body.replace(",", " , "), key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(outcomes(first)).isEqualTo("1:IMPORTED 2:IMPORTED 3:INVALID/INVALID_PHONE_NUMBER@number");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(withOtherSpacing.body()).isEqualTo(first.body());
        assertThat(events()).isEqualTo(after);
        HttpClientSupport.Reply other = csv(token, freshNumber() + ",telnyx", key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(http().send("POST", "/api/v1/agents", token, "{\"name\":\"Same key\"}", key).code())
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(events()).isEqualTo(after);
    }

    /**
     * What a service that went away leaves of an import started with {@code key}: the import and its key taken, the
     * results of {@code done}, and its heartbeat as old as {@code heartbeatAge}.
     */
    private String leftBehind(Actor actor, String key, String csv, List<SettledRow> done, Duration heartbeatAge) {
        List<SubmittedRow> rows = CsvRows.read(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        String importId = UUID.randomUUID().toString();
        IdempotencyKey scoped = IdempotencyKey.request(actor, key);
        idempotency.insert(scoped, new BulkImports.Request(actor, rows, scoped, null, false).fingerprint(),
                new CommandOutcome(importId, null));
        store.create(importId, actor.orgId(), actor.userId(), rows.size());
        store.saveRows(importId, done);
        jdbc.update("UPDATE bulk_import SET heartbeat_at = now() - make_interval(secs => ?) WHERE import_id = ?",
                heartbeatAge.toSeconds(), importId);
        return importId;
    }

    @Test
    @DisplayName("§4: an import interrupted after its first chunk resumes with the same Idempotency-Key: rows done keep their results, the others are imported, once")
    void interruptedImportResumes() {
        Actor alice = new Actor("alice", UUID.randomUUID().toString(), Set.of(Role.MEMBER));
        String token = member(alice.orgId());
        String first = freshNumber();
        String csv = first + ",telnyx\n" + freshNumber() + ",telnyx\n" + freshNumber() + ",telnyx";
        HttpClientSupport.Reply single = http().send("POST", "/api/v1/phone-numbers", token,
                "{\"number\":\"" + first + "\",\"provider\":\"telnyx\"}");
        String key = UUID.randomUUID().toString();
        E164Number number = E164Number.parse(first, null);
        String importId = leftBehind(alice, key, csv, List.of(new SettledRow(0, new ImportableRow(0, 1, first, number,
                Provider.TELNYX, null, null).imported())), Duration.ofMinutes(2));
        assertThat(http().send("GET", PATH + "/" + importId, token, null).body().get("status").asText())
                .isEqualTo("INTERRUPTED");
        long before = events();

        HttpClientSupport.Reply resumed = csv(token, csv, Map.of("Idempotency-Key", key));

        assertThat(resumed.status()).as(resumed.raw().body()).isEqualTo(200);
        assertThat(resumed.body().get("id").asText()).isEqualTo(importId);
        assertThat(outcomes(resumed)).isEqualTo("1:IMPORTED 2:IMPORTED 3:IMPORTED");
        assertThat(results(resumed).get(0).get("id").asText()).isEqualTo(single.body().get("id").asText());
        assertThat(events()).isEqualTo(before + 2);
        assertThat(csv(token, csv, Map.of("Idempotency-Key", key)).body()).isEqualTo(resumed.body());
        assertThat(events()).isEqualTo(before + 2);
    }

    @Test
    @DisplayName("§4: while an import runs, the same Idempotency-Key is 409 CONCURRENT_MODIFICATION, or 202 with the import when the client does not wait")
    void sameKeyWhileRunning() {
        Actor alice = new Actor("alice", UUID.randomUUID().toString(), Set.of(Role.MEMBER));
        String key = UUID.randomUUID().toString();
        String csv = freshNumber() + ",telnyx";
        String importId = leftBehind(alice, key, csv, List.of(), Duration.ZERO);
        long before = events();

        HttpClientSupport.Reply waiting = csv(member(alice.orgId()), csv, Map.of("Idempotency-Key", key));
        HttpClientSupport.Reply notWaiting = csv(member(alice.orgId()), csv,
                Map.of("Idempotency-Key", key, "Prefer", "respond-async"));

        assertThat(waiting.status()).isEqualTo(409);
        assertThat(waiting.code()).isEqualTo("CONCURRENT_MODIFICATION");
        assertThat(waiting.body().get("detail").asText()).contains(PATH + "/" + importId);
        assertThat(notWaiting.status()).isEqualTo(202);
        assertThat(notWaiting.body().get("status").asText()).isEqualTo("RUNNING");
        assertThat(notWaiting.raw().headers().firstValue("Location")).contains(PATH + "/" + importId);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @DisplayName("§6: PLATFORM_ADMIN, ORG_ADMIN and MEMBER may import in bulk; MANAGER and SERVICE get 403, no token 401, and nothing is written")
    void roles() {
        String org = UUID.randomUUID().toString();
        for (Role role : List.of(Role.PLATFORM_ADMIN, Role.ORG_ADMIN, Role.MEMBER)) {
            assertThat(csv(token(org, "user-" + role, role), freshNumber() + ",telnyx").body().get("imported")
                    .asInt()).as(role.name()).isEqualTo(1);
        }
        long before = events();
        for (Role role : List.of(Role.MANAGER, Role.SERVICE)) {
            HttpClientSupport.Reply reply = csv(token(org, "user-" + role, role), freshNumber() + ",telnyx");
            assertThat(reply.status()).as(role.name()).isEqualTo(403);
            assertThat(reply.code()).isEqualTo("FORBIDDEN");
        }
        assertThat(csv(null, freshNumber() + ",telnyx").status()).isEqualTo(401);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @DisplayName("§4: Prefer: respond-async answers 202 at once, and the Location shows rows done of total, then every result; only to the org's readers and the importer")
    void importInTheBackground() {
        String org = UUID.randomUUID().toString();
        String body = IntStream.range(0, 300).mapToObj(i -> freshNumber() + ",telnyx")
                .collect(Collectors.joining("\n"));

        HttpClientSupport.Reply accepted = csv(member(org), body, Map.of("Prefer", "respond-async"));

        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
        assertThat(accepted.raw().headers().firstValue("Preference-Applied")).contains("respond-async");
        assertThat(accepted.body().get("total").asInt()).isEqualTo(300);
        String location = accepted.raw().headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo(PATH + "/" + accepted.body().get("id").asText());
        JsonNode job = await("the import at " + location + " no longer RUNNING").atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    JsonNode seen = http().send("GET", location, member(org), null).body();
                    assertThat(seen.get("done").asInt()).as("rows done while importing").isBetween(0, 300);
                    return seen;
                }, seen -> !seen.get("status").asText().equals("RUNNING"));
        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("done").asInt()).isEqualTo(300);
        assertThat(job.get("imported").asInt()).isEqualTo(300);
        assertThat(job.get("results")).hasSize(300);
        assertThat(http().send("GET", location, token(org, "boss", Role.MANAGER), null).status()).isEqualTo(200);
        assertThat(http().send("GET", location, token(org, "bob", Role.MEMBER), null).status()).isEqualTo(404);
        assertThat(http().send("GET", location, token("other-org", "alice", Role.ORG_ADMIN), null).status())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("R4: two bulk imports of the same numbers by two orgs at once: each number is imported exactly once")
    void racingImports() {
        List<String> numbers = IntStream.range(0, 400).mapToObj(i -> freshNumber()).toList();
        List<String> reversed = new ArrayList<>(numbers);
        Collections.reverse(reversed);
        String orgA = UUID.randomUUID().toString();
        String orgB = UUID.randomUUID().toString();
        long before = events();

        CompletableFuture<HttpClientSupport.Reply> a = CompletableFuture.supplyAsync(() -> csv(member(orgA),
                numbers.stream().map(n -> n + ",telnyx").collect(Collectors.joining("\n"))));
        CompletableFuture<HttpClientSupport.Reply> b = CompletableFuture.supplyAsync(() -> csv(member(orgB),
                reversed.stream().map(n -> n + ",twilio").collect(Collectors.joining("\n"))));

        int importedA = a.join().body().get("imported").asInt();
        int importedB = b.join().body().get("imported").asInt();
        assertThat(importedA + importedB).isEqualTo(400);
        assertThat(a.join().body().get("alreadyHeld").asInt() + b.join().body().get("alreadyHeld").asInt())
                .isEqualTo(400);
        assertThat(events()).isEqualTo(before + 400);
    }
}
