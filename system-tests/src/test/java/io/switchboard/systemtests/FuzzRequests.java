package io.switchboard.systemtests;

import io.switchboard.systemtests.ApiOperation.Service;
import io.switchboard.systemtests.Mutation.Part;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The fuzzer's requests: for an operation, a valid request or one with a single {@link Mutation}, its part drawn by
 * weight among the parts the operation has (so a fifth to a third of them are valid: the fewer parts, the more).
 */
final class FuzzRequests {

    static final String CORRELATION_ID = "X-Correlation-Id";

    private static final Map<Part, Integer> WEIGHTS = new EnumMap<>(Map.of(Part.NOTHING, 20, Part.BODY_FIELD, 30,
            Part.BODY, 12, Part.PATH, 12, Part.QUERY, 10, Part.HEADER, 10, Part.TOKEN, 6));

    private final Draw draw;
    private final ValidDrafts valid;
    private final BodyMutator bodies;
    private final RequestMutator requests;
    private final Map<Service, String> baseUrls;
    private final String correlationPrefix;

    FuzzRequests(FuzzWorld world, Draw draw, Map<Service, String> baseUrls, String correlationPrefix) {
        this.draw = draw;
        this.valid = new ValidDrafts(world, draw, new SchemaValues(draw, new FieldValues(world, draw)));
        this.bodies = new BodyMutator(draw);
        this.requests = new RequestMutator(world, draw, valid);
        this.baseUrls = baseUrls;
        this.correlationPrefix = correlationPrefix;
    }

    /** The correlation id of request {@code index}: how the event store names the requests that wrote. */
    private String correlationId(int index) {
        return correlationPrefix + index;
    }

    /** The index of the request whose correlation id this is; -1 for any other. */
    int indexOf(String correlationId) {
        if (correlationId == null || !correlationId.startsWith(correlationPrefix)) {
            return -1;
        }
        try {
            return Integer.parseInt(correlationId.substring(correlationPrefix.length()));
        } catch (NumberFormatException notOurs) {
            return -1;
        }
    }

    FuzzRequest next(int index, ApiOperation operation) {
        RequestDraft draft = valid.draft(operation);
        Mutation mutation = mutation(draft);
        String where = switch (mutation.part) {
            case NOTHING -> "";
            case BODY_FIELD, BODY -> " " + bodies.apply(mutation, draft);
            default -> " " + requests.apply(mutation, draft);
        };
        return draft.toRequest(index, baseUrls.get(operation.service()), mutation == Mutation.NONE ? "valid"
                : mutation + where, correlationId(index));
    }

    private Mutation mutation(RequestDraft draft) {
        Map<Part, List<Mutation>> applicable = new EnumMap<>(Part.class);
        for (Mutation mutation : Mutation.values()) {
            if (mutation == Mutation.NONE || BodyMutator.applies(mutation, draft)
                    || RequestMutator.applies(mutation, draft)) {
                applicable.computeIfAbsent(mutation.part, part -> new ArrayList<>()).add(mutation);
            }
        }
        int total = applicable.keySet().stream().mapToInt(WEIGHTS::get).sum();
        int pick = draw.between(1, total);
        for (Part part : Part.values()) {
            if (applicable.containsKey(part)) {
                pick -= WEIGHTS.get(part);
                if (pick <= 0) {
                    return weighted(applicable.get(part));
                }
            }
        }
        throw new IllegalStateException("no part drawn from " + applicable.keySet());
    }

    private Mutation weighted(List<Mutation> mutations) {
        int pick = draw.between(1, mutations.stream().mapToInt(mutation -> mutation.weight).sum());
        for (Mutation mutation : mutations) {
            pick -= mutation.weight;
            if (pick <= 0) {
                return mutation;
            }
        }
        throw new IllegalStateException("no mutation drawn from " + mutations);
    }
}
