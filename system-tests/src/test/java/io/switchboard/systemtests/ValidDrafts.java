package io.switchboard.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.systemtests.ApiOperation.Body;
import io.switchboard.systemtests.ApiOperation.In;
import io.switchboard.systemtests.ApiOperation.Parameter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Valid requests for an operation, as its document describes them, aimed at the world's objects and sent as one
 * of the {@link Caller}s. Optional parts (query parameters, documented headers, an optional body) come and go.
 */
final class ValidDrafts {

    private static final Pattern E164 = Pattern.compile("\\+\\d{8,15}");
    private static final Arbitrary<Caller> CALLERS = Arbitraries.frequencyOf(
            Tuple.of(30, Arbitraries.just(Caller.OWNER)), Tuple.of(5, Arbitraries.just(Caller.COLLEAGUE)),
            Tuple.of(20, Arbitraries.just(Caller.ORG_ADMIN)), Tuple.of(10, Arbitraries.just(Caller.MANAGER)),
            Tuple.of(10, Arbitraries.just(Caller.SERVICE)), Tuple.of(15, Arbitraries.just(Caller.PLATFORM_ADMIN)),
            Tuple.of(10, Arbitraries.just(Caller.STRANGER)));

    private final FuzzWorld world;
    private final Draw draw;
    private final SchemaValues values;

    ValidDrafts(FuzzWorld world, Draw draw, SchemaValues values) {
        this.world = world;
        this.draw = draw;
        this.values = values;
    }

    RequestDraft draft(ApiOperation operation) {
        RequestDraft draft = new RequestDraft(operation);
        draft.caller = draw.from(CALLERS);
        draft.authorization = "Bearer " + world.token(draft.caller);
        draft.credential = "Bearer <" + whose(draft.caller) + ">";
        for (Parameter parameter : operation.in(In.PATH)) {
            FuzzWorld.Kind kind = FuzzWorld.kindOf(operation.path(), parameter.name());
            draft.path.put(parameter.name(), pathId(draft, kind));
            draft.aimsAtOtherOrg |= kind != FuzzWorld.Kind.OTHER && !draft.caller.ownOrg;
        }
        for (Parameter parameter : operation.in(In.QUERY)) {
            if (parameter.required() || draw.chance(0.4)) {
                addQuery(draft, parameter);
            }
        }
        headers(draft);
        body(draft);
        return draft;
    }

    String whose(Caller caller) {
        return "token of " + caller.user + " (" + caller.role + ") in " + world.org(caller);
    }

    void addQuery(RequestDraft draft, Parameter parameter) {
        JsonNode schema = parameter.schema();
        if (parameter.name().equals("cursor")) {
            world.cursor(draft.operation.path()).ifPresent(cursor -> draft.query.add(pair("cursor", cursor)));
        } else if (schema.path("type").asText().equals("object")) {
            // an object in the query is sent as its properties (OpenAPI's default style: form, exploded)
            values.value(parameter.name(), schema).properties().forEach(property ->
                    addQueryValue(draft, property.getKey(), property.getValue()));
        } else {
            addQueryValue(draft, parameter.name(), values.value(parameter.name(), schema));
        }
    }

    private void addQueryValue(RequestDraft draft, String name, JsonNode value) {
        if (value.isArray()) {
            value.forEach(item -> draft.query.add(pair(name, item.asText())));
        } else {
            draft.query.add(pair(name, value.asText()));
        }
    }

    private static Map.Entry<String, String> pair(String name, String value) {
        return Map.entry(Oddities.encoded(name), Oddities.encoded(value));
    }

    private String pathId(RequestDraft draft, FuzzWorld.Kind kind) {
        return switch (kind) {
            case NUMBER -> world.numberId(draft.operation.path(), draw);
            case AGENT -> world.agentId(draw);
            case PROVIDER_ACCOUNT, BULK_IMPORT -> world.id(kind, true, draw);
            // a job, a dead letter, a projection: one that does not exist (rebuilding a read model would slow
            // the other system tests down)
            case OTHER -> "fuzz-" + draw.from(Arbitraries.strings().alpha().ofLength(8));
        };
    }

    /**
     * The documented headers, those the schema cannot describe with the world's values: {@code If-Match} the
     * object's version, {@code X-Min-Position} a position a command reply named, {@code Idempotency-Key} one of the
     * world's keys (so that some repeat). {@code X-Correlation-Id} is the run's, which names each request.
     */
    private void headers(RequestDraft draft) {
        for (Parameter header : draft.operation.in(In.HEADER)) {
            if (!header.required() && !draw.chance(0.3)) {
                continue;
            }
            switch (header.name()) {
                case "If-Match" -> draft.path.values().stream().findFirst().flatMap(world::version)
                        .ifPresent(version -> draft.header(header.name(), "\"" + version + "\""));
                // the latest position makes the read wait for the read models: now and then, for it costs a poll
                case "X-Min-Position" -> {
                    if (world.readModelsKeepUp()) {
                        draft.header(header.name(), Long.toString(draw.chance(0.2) ? world.position()
                                : world.settledPosition()));
                    }
                }
                case "Idempotency-Key" -> draft.header(header.name(), world.idempotencyKey(draw));
                case FuzzRequests.CORRELATION_ID -> {
                }
                default -> draft.header(header.name(), values.value(header.name(), header.schema()).asText());
            }
        }
    }

    private void body(RequestDraft draft) {
        if (draft.operation.bodies().isEmpty() || !draft.operation.bodyRequired() && draw.chance(0.3)) {
            return;
        }
        Body body = draw.of(draft.operation.bodies());
        draft.media = body;
        draft.contentType = body.mediaType();
        draft.escapeNonAscii = draw.chance(0.5);
        boolean json = body.mediaType().contains("json");
        if (body.example().isPresent() && (!json || draw.chance(0.3))) {
            draft.rawBody = withFreshNumbers(body.example().get()).getBytes(StandardCharsets.UTF_8);
        } else if (json) {
            draft.json = values.generate("body", body.schema());
            asACallNeedsIt(draft.json.value());
        } else {
            draft.rawBody = new byte[0];
        }
    }

    /**
     * What the schema of a call cannot say (R14, R15): it names the number to call from or the agent, and where it
     * names both, the agent is the one the number is assigned to.
     */
    private void asACallNeedsIt(JsonNode body) {
        if (!body.has("callId") || !body.has("destination")) {
            return;
        }
        ObjectNode call = (ObjectNode) body;
        if (!call.has("fromNumber") && !call.has("agentId")) {
            call.put("agentId", world.agentId(draw));
        }
        if (call.path("fromNumber").isTextual() && call.has("agentId")) {
            world.agentOf(call.get("fromNumber").asText()).ifPresent(agent -> call.put("agentId", agent));
        }
    }

    /** A document's example with each phone number in it replaced by one no other test uses. */
    private static String withFreshNumbers(String example) {
        Matcher numbers = E164.matcher(example);
        StringBuilder fresh = new StringBuilder();
        while (numbers.find()) {
            numbers.appendReplacement(fresh, Matcher.quoteReplacement(RunningStack.freshUsNumber()));
        }
        return numbers.appendTail(fresh).toString();
    }
}
