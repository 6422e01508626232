package io.switchboard.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.common.Role;
import io.switchboard.systemtests.Http.Reply;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §4, §6 (OWASP API4, API8): random and mutated requests to every command endpoint — path ids, bodies,
 * tokens and headers — never get a 5xx, and a request that got a 4xx wrote no event. Fixed seed, bounded tries:
 * the same requests on every run.
 */
class CommandFuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORG = "fuzz-" + UUID.randomUUID();
    private static final String OTHER_ORG = "fuzz-other-" + UUID.randomUUID();

    /** A command endpoint and a valid body for it; {@code {number}}, {@code {agent}}, {@code {e164}} are filled in. */
    record Endpoint(String method, String path, String validBody) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/agents", "{\"name\":\"Fuzzy\",\"clientId\":\"c1\"}"),
            new Endpoint("PATCH", "/api/v1/agents/{agent}", "{\"name\":\"Renamed\"}"),
            new Endpoint("DELETE", "/api/v1/agents/{agent}", null),
            new Endpoint("POST", "/api/v1/phone-numbers",
                    "{\"number\":\"{fresh}\",\"provider\":\"twilio\",\"label\":\"Desk\",\"metadata\":{\"k\":\"v\"}}"),
            new Endpoint("POST", "/api/v1/phone-numbers/bulk",
                    "[{\"number\":\"{fresh}\",\"provider\":\"twilio\",\"country\":\"US\",\"label\":\"Desk\"}]"),
            new Endpoint("PATCH", "/api/v1/phone-numbers/{number}",
                    "{\"label\":\"L\",\"capabilities\":[\"VOICE\"],\"metadata\":{\"a\":\"b\"},"
                            + "\"webhookUrl\":\"https://example.com/hook\"}"),
            new Endpoint("POST", "/api/v1/phone-numbers/{number}/activate", null),
            new Endpoint("POST", "/api/v1/phone-numbers/{number}/deactivate", "{\"reason\":\"maintenance\"}"),
            new Endpoint("POST", "/api/v1/phone-numbers/{number}/transfer", "{\"newOwnerUserId\":\"heir\"}"),
            new Endpoint("POST", "/api/v1/phone-numbers/{spare}/assign",
                    "{\"agentId\":\"{agent}\",\"dailyLimit\":10,\"allowedCountries\":[\"US\",\"GB\"]}"),
            new Endpoint("POST", "/api/v1/phone-numbers/{number}/unassign", null),
            new Endpoint("PUT", "/api/v1/phone-numbers/{number}/limits",
                    "{\"dailyLimit\":5,\"allowedCountries\":[\"US\"]}"),
            new Endpoint("DELETE", "/api/v1/phone-numbers/{spare}", null),
            new Endpoint("POST", "/api/v1/calls",
                    "{\"callId\":\"{call}\",\"destination\":\"+12025550123\",\"fromNumber\":\"{e164}\"}"),
            new Endpoint("POST", "/api/v1/calls", "{\"callId\":\"{call}\",\"destination\":\"+447911123456\","
                    + "\"agentId\":\"{agent}\"}"),
            new Endpoint("PUT", "/api/v1/org/policy", "{\"maxNumbersPerAgent\":3,\"timeZone\":\"Europe/Paris\"}"));

    /** How a request is spoiled; {@code VALID} leaves it as it is. */
    enum BodyMutation { VALID, REPLACE_VALUE, DROP_FIELD, UNKNOWN_FIELD, TRUNCATE, RANDOM_TEXT, EMPTY, DEEP_NESTING,
        NOT_AN_OBJECT }

    enum PathMutation { VALID, OTHER_ORGS, RANDOM, TRAVERSAL, HUGE, EMPTY_SEGMENT }

    enum Credential { MEMBER_OWNER, ORG_ADMIN, MANAGER, SERVICE, OTHER_ORG_ADMIN, NONE, GARBAGE, UNSIGNED }

    enum ContentType { JSON, TEXT, NONE, XML, FORM }

    record Mutation(BodyMutation body, int fieldIndex, JsonNode replacement, double cut, String text) {
    }

    record FuzzRequest(Endpoint endpoint, PathMutation path, Mutation mutation, Credential credential,
                       ContentType contentType, String idempotencyKey, String ifMatch, String correlationId) {
    }

    @BeforeContainer
    static void startStack() {
        RunningStack.ensureStarted();
    }

    @Property(tries = 700, seed = "20261121", shrinking = ShrinkingMode.OFF)
    @Label("§6: no 5xx for any mutated command request, and no event written by one that got a 4xx")
    void neverA5xxAndNoWriteOnRefusal(@ForAll("requests") FuzzRequest fuzz) {
        Fixture fixture = Fixture.create();
        long eventsBefore = RunningStack.eventCount();

        Reply reply = send(fuzz, fixture);

        assertThat(reply.status()).as(fuzz + " answered " + reply.raw()).isLessThan(500);
        Statistics.label("answer").collect(reply.status() / 100 + "xx");
        // checked once all tries ran: enough requests get through to change things, and most are refused
        Statistics.label("answer").coverage(checker -> {
            checker.check("2xx").percentage(share -> share >= 3);
            checker.check("4xx").percentage(share -> share >= 50);
        });
        if (reply.status() >= 400) {
            assertThat(RunningStack.eventCount()).as(fuzz + " answered " + reply.status() + " but wrote")
                    .isEqualTo(eventsBefore);
            assertThat(reply.raw()).as("a problem with a stable code").contains("\"code\"");
        }
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        Arbitrary<Mutation> mutations = Combinators.combine(
                Arbitraries.of(BodyMutation.class), Arbitraries.integers().between(0, 9), jsonValues(),
                Arbitraries.doubles().between(0, 1), Arbitraries.strings().ofMaxLength(200))
                .as(Mutation::new);
        return Combinators.combine(Arbitraries.of(ENDPOINTS), Arbitraries.of(PathMutation.class), mutations,
                        Arbitraries.of(Credential.class), Arbitraries.of(ContentType.class),
                        headerValues(), ifMatches(), headerValues())
                .as(FuzzRequest::new);
    }

    private static Arbitrary<JsonNode> jsonValues() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300).map(nodes::textNode),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(5_000).map(nodes::textNode),
                Arbitraries.longs().map(nodes::numberNode),
                Arbitraries.of(Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE).map(nodes::numberNode),
                Arbitraries.of("1e309", "-0.5", "3.5e38", "-1e-400").map(BigDecimal::new).map(nodes::numberNode),
                Arbitraries.of(true, false).map(nodes::booleanNode),
                Arbitraries.just(nodes.nullNode()),
                Arbitraries.strings().ofMaxLength(20).list().ofMaxSize(300).map(list -> {
                    var array = nodes.arrayNode();
                    list.forEach(array::add);
                    return array;
                }),
                Arbitraries.maps(Arbitraries.strings().ofMaxLength(40), Arbitraries.strings().ofMaxLength(300))
                        .ofMaxSize(80).map(map -> {
                            ObjectNode object = nodes.objectNode();
                            map.forEach(object::put);
                            return object;
                        }));
    }

    /** Header values an HTTP client can send: visible ASCII and spaces, sometimes too long; null for none. */
    private static Arbitrary<String> headerValues() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40)
                .map(String::strip).filter(value -> !value.isEmpty()), Arbitraries.strings().withCharRange('!', '~')
                .ofLength(400));
    }

    private static Arbitrary<String> ifMatches() {
        return Arbitraries.of(null, "\"0\"", "\"1\"", "\"-1\"", "*", "W/\"0\"", "\"99999999999999999999\"", "abc",
                "\"\"");
    }

    private static Reply send(FuzzRequest fuzz, Fixture fixture) {
        String path = spoilPath(fuzz.endpoint().path(), fuzz.path(), fixture);
        String body = fuzz.endpoint().validBody() == null && fuzz.mutation().body() == BodyMutation.VALID ? null
                : spoilBody(fixture.fill(fuzz.endpoint().validBody() == null ? "{}" : fuzz.endpoint().validBody()),
                fuzz.mutation());
        List<String> headers = new ArrayList<>();
        switch (fuzz.contentType()) {
            case JSON -> headers.addAll(List.of("Content-Type", "application/json"));
            case TEXT -> headers.addAll(List.of("Content-Type", "text/plain"));
            case XML -> headers.addAll(List.of("Content-Type", "application/xml"));
            case FORM -> headers.addAll(List.of("Content-Type", "application/x-www-form-urlencoded"));
            case NONE -> headers.addAll(List.of("Content-Type", ""));
        }
        addHeader(headers, "Idempotency-Key", fuzz.idempotencyKey());
        addHeader(headers, "If-Match", fuzz.ifMatch());
        addHeader(headers, "X-Correlation-Id", fuzz.correlationId());
        return Http.call(fuzz.endpoint().method(), RunningStack.stack().commandUrl() + path,
                token(fuzz.credential()), body, headers.toArray(String[]::new));
    }

    private static void addHeader(List<String> headers, String name, String value) {
        if (value != null) {
            headers.add(name);
            headers.add(value);
        }
    }

    private static String token(Credential credential) {
        return switch (credential) {
            case MEMBER_OWNER -> RunningStack.token(ORG, "owner", Role.MEMBER);
            case ORG_ADMIN -> RunningStack.token(ORG, "admin", Role.ORG_ADMIN);
            case MANAGER -> RunningStack.token(ORG, "boss", Role.MANAGER);
            case SERVICE -> RunningStack.token(ORG, "dialer", Role.SERVICE);
            case OTHER_ORG_ADMIN -> RunningStack.token(OTHER_ORG, "admin", Role.ORG_ADMIN);
            case NONE -> null;
            case GARBAGE -> "not.a.jwt";
            case UNSIGNED -> "eyJhbGciOiJub25lIn0.eyJzdWIiOiJvd25lciIsIm9yZyI6ImZ1enoiLCJyb2xlcyI6WyJPUkdfQURNSU4iXX0.";
        };
    }

    private static String spoilPath(String template, PathMutation mutation, Fixture fixture) {
        String id = switch (mutation) {
            case VALID -> null;
            case OTHER_ORGS -> fixture.othersNumber;
            case RANDOM -> UUID.randomUUID().toString();
            case TRAVERSAL -> "..%2F..%2Factuator";
            case HUGE -> "9".repeat(3_000);
            case EMPTY_SEGMENT -> "%20";
        };
        String filled = fixture.fill(template);
        return id == null ? filled : filled.replace(fixture.number, id).replace(fixture.spare, id)
                .replace(fixture.agent, id);
    }

    private static String spoilBody(String valid, Mutation mutation) {
        JsonNode body = parse(valid);
        // a bulk import's body is an array of rows: its first row is the one spoiled
        ObjectNode object = (ObjectNode) (body.isArray() ? body.get(0) : body);
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        String field = fields.isEmpty() ? "x" : fields.get(mutation.fieldIndex() % fields.size());
        return switch (mutation.body()) {
            case VALID -> valid;
            case REPLACE_VALUE -> {
                object.set(field, mutation.replacement());
                yield body.toString();
            }
            case DROP_FIELD -> {
                object.remove(field);
                yield body.toString();
            }
            case UNKNOWN_FIELD -> {
                object.set("unexpected" + mutation.fieldIndex(), mutation.replacement());
                yield body.toString();
            }
            case TRUNCATE -> valid.substring(0, (int) (valid.length() * mutation.cut()));
            case RANDOM_TEXT -> mutation.text();
            case EMPTY -> "";
            case DEEP_NESTING -> "[".repeat(5_000 + mutation.fieldIndex()) + "]".repeat(5_000 + mutation.fieldIndex());
            case NOT_AN_OBJECT -> mutation.replacement().toString();
        };
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fresh objects for one request: an assigned number and its agent owned by a MEMBER, a spare number of the
     * same owner, and another org's number.
     */
    record Fixture(String number, String e164, String agent, String spare, String othersNumber) {

        static Fixture create() {
            String owner = RunningStack.token(ORG, "owner", Role.MEMBER);
            String e164 = RunningStack.freshUsNumber();
            String number = created("/api/v1/phone-numbers", owner,
                    "{\"number\":\"" + e164 + "\",\"provider\":\"telnyx\"}");
            String agent = created("/api/v1/agents", owner, "{\"name\":\"Fuzz target\"}");
            created("/api/v1/phone-numbers/" + number + "/assign", owner, "{\"agentId\":\"" + agent + "\"}");
            String spare = created("/api/v1/phone-numbers", owner,
                    "{\"number\":\"" + RunningStack.freshUsNumber() + "\",\"provider\":\"telnyx\"}");
            String others = created("/api/v1/phone-numbers", RunningStack.token(OTHER_ORG, "stranger", Role.MEMBER),
                    "{\"number\":\"" + RunningStack.freshUsNumber() + "\",\"provider\":\"telnyx\"}");
            return new Fixture(number, e164, agent, spare, others);
        }

        String fill(String template) {
            return template.replace("{number}", number).replace("{spare}", spare).replace("{agent}", agent)
                    .replace("{e164}", e164).replace("{fresh}", RunningStack.freshUsNumber())
                    .replace("{call}", UUID.randomUUID().toString());
        }

        private static String created(String path, String token, String body) {
            Reply reply = Http.call("POST", RunningStack.stack().commandUrl() + path, token, body);
            assertThat(reply.status()).as(path + ": " + reply.raw()).isBetween(200, 201);
            JsonNode id = reply.body().get("id");
            return id.asText();
        }
    }
}
