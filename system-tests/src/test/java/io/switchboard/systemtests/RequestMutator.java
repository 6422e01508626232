package io.switchboard.systemtests;

import io.switchboard.systemtests.ApiOperation.In;
import io.switchboard.systemtests.ApiOperation.Parameter;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Spoils a request outside its body: a path id, a query parameter, a header or the token. */
final class RequestMutator {

    private final FuzzWorld world;
    private final Draw draw;
    private final ValidDrafts valid;

    RequestMutator(FuzzWorld world, Draw draw, ValidDrafts valid) {
        this.world = world;
        this.draw = draw;
        this.valid = valid;
    }

    static boolean applies(Mutation mutation, RequestDraft draft) {
        ApiOperation operation = draft.operation;
        return switch (mutation) {
            case OTHER_ORGS_ID -> operation.in(In.PATH).stream()
                    .anyMatch(path -> FuzzWorld.kindOf(operation.path(), path.name()) != FuzzWorld.Kind.OTHER);
            case GARBAGE_ID -> !operation.in(In.PATH).isEmpty();
            case QUERY_WRONG_TYPE -> !typed(operation).isEmpty();
            case QUERY_OUT_OF_RANGE -> operation.in(In.QUERY).stream().anyMatch(RequestMutator::isInteger);
            case QUERY_TOO_LONG, QUERY_ODD_UNICODE, QUERY_REPEATED -> !operation.in(In.QUERY).isEmpty();
            case QUERY_MISSING_REQUIRED -> operation.in(In.QUERY).stream().anyMatch(Parameter::required);
            case QUERY_GARBAGE_CURSOR -> cursor(operation) != null;
            case BAD_IF_MATCH -> operation.header("If-Match").isPresent();
            case BAD_MIN_POSITION -> operation.header("X-Min-Position").isPresent();
            case BAD_IDEMPOTENCY_KEY -> operation.header("Idempotency-Key").isPresent();
            case UNACCEPTABLE_ACCEPT, BAD_CORRELATION_ID, NO_TOKEN, BAD_TOKEN -> true;
            default -> false;
        };
    }

    String apply(Mutation mutation, RequestDraft draft) {
        ApiOperation operation = draft.operation;
        return switch (mutation) {
            case OTHER_ORGS_ID -> otherOrgsId(draft);
            case GARBAGE_ID -> {
                String name = draw.of(List.copyOf(draft.path.keySet()));
                draft.path.put(name, draw.from(Oddities.garbageIds()));
                draft.aimsAtOtherOrg = false;
                yield "{" + name + "}";
            }
            case QUERY_WRONG_TYPE -> query(draft, draw.of(typed(operation)), this::wrongType);
            case QUERY_OUT_OF_RANGE -> query(draft, draw.of(operation.in(In.QUERY).stream()
                    .filter(RequestMutator::isInteger).toList()), parameter -> draw.of("0", "-1", "201", "2147483648",
                    "-9223372036854775809", "99999999999999999999"));
            case QUERY_TOO_LONG -> query(draft, draw.of(operation.in(In.QUERY)),
                    parameter -> "q".repeat(draw.of(300, 3_000, 10_000)));
            case QUERY_ODD_UNICODE -> query(draft, draw.of(operation.in(In.QUERY)), parameter -> draw.chance(0.8)
                    ? Oddities.encoded(draw.from(Oddities.oddText())) : draw.of("%C0%AF", "%FF", "%00", "%ED%A0%80"));
            case QUERY_GARBAGE_CURSOR -> query(draft, cursor(operation), parameter -> draw.of("z".repeat(3_000),
                    "eyJ0eXBlIjoieCJ9", "AAAA", "%00", "null", Oddities.encoded(draw.from(Oddities.oddText()))));
            case QUERY_MISSING_REQUIRED -> {
                Parameter parameter = draw.of(operation.in(In.QUERY).stream().filter(Parameter::required).toList());
                removeQuery(draft, parameter);
                yield "without " + parameter.name();
            }
            case QUERY_REPEATED -> {
                Parameter parameter = draw.of(operation.in(In.QUERY));
                valid.addQuery(draft, parameter);
                valid.addQuery(draft, parameter);
                yield parameter.name() + " twice";
            }
            case BAD_IF_MATCH -> header(draft, "If-Match", draw.from(Oddities.badIfMatches()));
            case BAD_MIN_POSITION -> header(draft, "X-Min-Position",
                    draw.from(Oddities.badMinPositions(world.position())));
            case BAD_IDEMPOTENCY_KEY -> header(draft, "Idempotency-Key", draw.from(Oddities.badIdempotencyKeys()));
            case UNACCEPTABLE_ACCEPT -> header(draft, "Accept", draw.from(Oddities.unacceptableAccepts()));
            case BAD_CORRELATION_ID -> {
                draft.correlationId = draw.from(Oddities.badCorrelationIds());
                yield FuzzRequests.CORRELATION_ID;
            }
            case NO_TOKEN -> {
                draft.authorization = null;
                draft.credential = "(none)";
                yield "no Authorization";
            }
            case BAD_TOKEN -> {
                BadTokens.BadToken token = draw.of(BadTokens.from(world.token(draft.caller),
                        valid.whose(draft.caller)));
                draft.authorization = token.header();
                draft.credential = token.shown();
                yield "a bad token";
            }
            default -> throw new IllegalArgumentException(mutation + " is not a request's");
        };
    }

    private String otherOrgsId(RequestDraft draft) {
        String path = draft.operation.path();
        String name = draw.of(draft.path.keySet().stream()
                .filter(parameter -> FuzzWorld.kindOf(path, parameter) != FuzzWorld.Kind.OTHER).toList());
        boolean ownOrgs = !draft.caller.ownOrg;
        draft.path.put(name, world.id(FuzzWorld.kindOf(path, name), ownOrgs, draw));
        draft.aimsAtOtherOrg = true;
        return "{" + name + "} of " + (ownOrgs ? "the fuzzer's org" : "another org");
    }

    private String query(RequestDraft draft, Parameter parameter, Function<Parameter, String> value) {
        removeQuery(draft, parameter);
        String sent = value.apply(parameter);
        draft.query.add(Map.entry(Oddities.encoded(parameter.name()), sent.matches("[A-Za-z0-9%._~-]*") ? sent
                : Oddities.encoded(sent)));
        return parameter.name();
    }

    private static void removeQuery(RequestDraft draft, Parameter parameter) {
        draft.query.removeIf(pair -> pair.getKey().equals(Oddities.encoded(parameter.name())));
    }

    private String wrongType(Parameter parameter) {
        if (parameter.schema().has("enum")) {
            return draw.of("NOT_A_VALUE", parameter.schema().get("enum").get(0).asText().toLowerCase(), "");
        }
        return switch (parameter.schema().path("type").asText() + "/" + parameter.schema().path("format").asText()) {
            case "integer/int32", "integer/int64", "integer/" -> draw.of("abc", "1.5", "", "0x10", "1e3", " 1", "--1");
            case "boolean/" -> draw.of("maybe", "2", "yes", "", "TRUE ");
            default -> draw.of("2025-13-45", "yesterday", "2025-02-30", "0000-00-00", "20250101", "");
        };
    }

    private String header(RequestDraft draft, String name, String value) {
        draft.header(name, value);
        return name;
    }

    /** The query parameters a value of the wrong type can be sent for: numbers, booleans, dates, enums. */
    private static List<Parameter> typed(ApiOperation operation) {
        return operation.in(In.QUERY).stream().filter(parameter -> parameter.schema().has("enum")
                || parameter.schema().path("type").asText().matches("integer|boolean")
                || parameter.schema().path("format").asText().equals("date")).toList();
    }

    /** The operation's {@code cursor} parameter; null where it pages nothing. */
    private static Parameter cursor(ApiOperation operation) {
        return operation.in(In.QUERY).stream().filter(query -> query.name().equals("cursor")).findFirst().orElse(null);
    }

    private static boolean isInteger(Parameter parameter) {
        return parameter.schema().path("type").asText().equals("integer");
    }
}
