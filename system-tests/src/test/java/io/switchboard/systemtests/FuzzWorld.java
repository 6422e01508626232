package io.switchboard.systemtests;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fuzzer's requests can aim at: two fresh organizations, tokens for each {@link Caller}, and the objects
 * of each organization (numbers, agents, assignments, provider accounts, bulk imports). It starts with a few of each
 * and learns from every accepted request what was created, changed or released, so that valid requests stay valid
 * as the run goes on.
 */
final class FuzzWorld {

    /** An event-store position a reply named, and when (System.nanoTime). */
    private record Reached(long position, long at) {
    }

    /** What a path id names, told by the path segment in front of it. */
    enum Kind { NUMBER, AGENT, PROVIDER_ACCOUNT, BULK_IMPORT, OTHER }

    private static final int REMEMBERED_KEYS = 16;
    private static final int LINES = 3;
    private static final long SETTLED_NANOS = 500_000_000L;

    private final String org = "fuzz-" + UUID.randomUUID();
    private final String otherOrg = "fuzz-other-" + UUID.randomUUID();
    private final String correlationId;
    private final CallerTokens tokens = new CallerTokens(this::org);
    private final Map<Kind, List<String>> own = pools();
    private final Map<Kind, List<String>> others = pools();
    private final Map<String, String> e164s = new HashMap<>();
    /** Assigned numbers of the own org: number id to agent id. */
    private final Map<String, String> lines = new LinkedHashMap<>();
    private final Map<String, Long> versions = new HashMap<>();
    private final Map<String, String> cursors = new HashMap<>();
    private final List<String> usedKeys = new ArrayList<>();
    private long position;
    /** Positions replies named and when, the oldest first, until they settle. */
    private final Deque<Reached> reached = new ArrayDeque<>();
    private long settled;
    private boolean readModelsKeepUp = true;

    private FuzzWorld(String correlationId) {
        this.correlationId = correlationId;
    }

    /** The fixtures, written with {@code correlationId} so that the event store tells them from fuzzed requests. */
    static FuzzWorld create(String correlationId) {
        FuzzWorld world = new FuzzWorld(correlationId);
        world.replenish();
        world.importNumber(Caller.OWNER);
        world.importNumber(Caller.STRANGER);
        world.created(Caller.STRANGER, Kind.AGENT, "/api/v1/agents", "{\"name\":\"Someone else's agent\"}");
        world.created(Caller.STRANGER, Kind.PROVIDER_ACCOUNT, "/api/v1/provider-accounts", providerAccount());
        for (Caller caller : List.of(Caller.OWNER, Caller.STRANGER)) {
            world.created(caller, Kind.BULK_IMPORT, "/api/v1/phone-numbers/bulk",
                    "[{\"number\":\"" + RunningStack.freshUsNumber() + "\",\"provider\":\"TELNYX\"}]");
        }
        return world;
    }

    /**
     * Brings back what fuzzed requests used up (they unassign, release, retire and delete too): a few assigned
     * numbers of the owner and a provider account of the org.
     */
    void replenish() {
        while (lines.size() < LINES) {
            String number = importNumber(Caller.OWNER);
            String agent = created(Caller.OWNER, Kind.AGENT, "/api/v1/agents", "{\"name\":\"Fuzz agent\"}");
            setUp(Caller.OWNER, "/api/v1/phone-numbers/" + number + "/assign", "{\"agentId\":\"" + agent + "\"}");
            lines.put(number, agent);
        }
        if (own.get(Kind.PROVIDER_ACCOUNT).isEmpty()) {
            created(Caller.ORG_ADMIN, Kind.PROVIDER_ACCOUNT, "/api/v1/provider-accounts", providerAccount());
        }
    }

    private static String providerAccount() {
        return "{\"provider\":\"TWILIO\",\"providerAccountId\":\"AC" + UUID.randomUUID().toString().replace("-", "")
                + "\",\"token\":\"fuzz-" + UUID.randomUUID() + "\"}";
    }

    String org(Caller caller) {
        return caller.ownOrg ? org : otherOrg;
    }

    String token(Caller caller) {
        return tokens.of(caller);
    }

    /** An id of the own org (or the other one's) of that kind; a random one where there is none. */
    String id(Kind kind, boolean ownOrg, Draw draw) {
        List<String> pool = (ownOrg ? own : others).get(kind);
        return pool.isEmpty() ? UUID.randomUUID().toString() : draw.of(pool);
    }

    /** A number id for an operation on {@code path}: an unassigned one to assign, an assigned one to unassign... */
    String numberId(String path, Draw draw) {
        List<String> assigned = List.copyOf(lines.keySet());
        List<String> unassigned = own.get(Kind.NUMBER).stream().filter(id -> !lines.containsKey(id)).toList();
        if (path.endsWith("/assign") && !unassigned.isEmpty()) {
            return draw.of(unassigned);
        }
        boolean needsAssigned = path.endsWith("/unassign") || path.endsWith("/limits") || draw.chance(0.3);
        return needsAssigned && !assigned.isEmpty() ? draw.of(assigned) : id(Kind.NUMBER, true, draw);
    }

    /** The agent an own number, given in E.164, is assigned to. */
    Optional<String> agentOf(String e164) {
        return e164s.entrySet().stream().filter(number -> number.getValue().equals(e164)).findFirst()
                .map(number -> lines.get(number.getKey()));
    }

    /** The E.164 form of an own number, preferably an assigned one (a call's {@code fromNumber}). */
    Optional<String> e164(Draw draw) {
        List<String> held = own.get(Kind.NUMBER).stream().filter(e164s::containsKey).toList();
        List<String> assigned = held.stream().filter(lines::containsKey).toList();
        List<String> known = assigned.isEmpty() ? held : assigned;
        return known.isEmpty() ? Optional.empty() : Optional.of(e164s.get(draw.of(known)));
    }

    String agentId(Draw draw) {
        return !lines.isEmpty() && draw.chance(0.5) ? draw.of(List.copyOf(lines.values()))
                : id(Kind.AGENT, true, draw);
    }

    Optional<Long> version(String id) {
        return Optional.ofNullable(versions.get(id));
    }

    /** The highest event-store position a reply named: a valid {@code X-Min-Position}, which a read may wait for. */
    long position() {
        return position;
    }

    /**
     * The highest position a reply named a while ago, which the read models have taken by now (they poll the event
     * store every 100 ms): an {@code X-Min-Position} a read need not wait for.
     */
    long settledPosition() {
        long now = System.nanoTime();
        while (!reached.isEmpty() && now - reached.peekFirst().at() > SETTLED_NANOS) {
            settled = reached.pollFirst().position();
        }
        return settled;
    }

    /** False once the read models stopped: a read that waits for them would wait its whole bound, in vain. */
    boolean readModelsKeepUp() {
        return readModelsKeepUp;
    }

    void readModelsStopped() {
        readModelsKeepUp = false;
    }

    Optional<String> cursor(String path) {
        return Optional.ofNullable(cursors.get(path));
    }

    /** A fresh key, or now and then one sent before (whose retry or reuse the service must tell apart). */
    String idempotencyKey(Draw draw) {
        if (!usedKeys.isEmpty() && draw.chance(0.2)) {
            return draw.of(usedKeys);
        }
        String key = "fuzz-" + UUID.randomUUID();
        if (usedKeys.size() == REMEMBERED_KEYS) {
            usedKeys.remove(0);
        }
        usedKeys.add(key);
        return key;
    }

    static Kind kindOf(String path, String parameter) {
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + parameter + "}")) {
                return switch (segments[i - 1]) {
                    case "phone-numbers" -> Kind.NUMBER;
                    case "agents" -> Kind.AGENT;
                    case "provider-accounts" -> Kind.PROVIDER_ACCOUNT;
                    case "bulk" -> Kind.BULK_IMPORT;
                    default -> Kind.OTHER;
                };
            }
        }
        return Kind.OTHER;
    }

    /** Takes in what an answered request created, changed or released. */
    void learn(FuzzRequest request, FuzzReply reply) {
        JsonNode body = reply.json();
        reached(body.path("position").asLong(0));
        if (body.hasNonNull("id") && body.has("version")) {
            versions.put(body.get("id").asText(), body.get("version").asLong());
        }
        if (body.hasNonNull("nextCursor")) {
            cursors.put(request.operation().path(), body.get("nextCursor").asText());
        }
        if (reply.statusClass() == 2 && request.caller().ownOrg) {
            learnOwn(request, body);
        }
    }

    private void learnOwn(FuzzRequest request, JsonNode reply) {
        String route = request.operation().method() + " "
                + request.operation().path().replaceAll("\\{[^}]+}", "{id}");
        String pathId = request.pathValues().values().stream().findFirst().orElse("");
        String id = reply.path("id").asText();
        switch (route) {
            case "POST /api/v1/phone-numbers" -> {
                own.get(Kind.NUMBER).add(id);
                request.json().map(json -> json.path("number").asText()).filter(number -> number.matches("\\+\\d+"))
                        .ifPresent(e164 -> e164s.put(id, e164));
            }
            case "POST /api/v1/phone-numbers/bulk" -> {
                own.get(Kind.BULK_IMPORT).add(id);
                reply.path("results").forEach(row -> {
                    if (row.path("outcome").asText().equals("IMPORTED")) {
                        own.get(Kind.NUMBER).add(row.path("id").asText());
                        e164s.put(row.path("id").asText(), row.path("e164").asText());
                    }
                });
            }
            case "POST /api/v1/agents" -> own.get(Kind.AGENT).add(id);
            case "POST /api/v1/provider-accounts" -> own.get(Kind.PROVIDER_ACCOUNT).add(id);
            case "POST /api/v1/phone-numbers/{id}/assign" -> request.json()
                    .ifPresent(json -> lines.put(pathId, json.path("agentId").asText()));
            case "POST /api/v1/phone-numbers/{id}/unassign", "POST /api/v1/phone-numbers/{id}/transfer" ->
                    lines.remove(pathId);
            case "DELETE /api/v1/phone-numbers/{id}" -> {
                own.get(Kind.NUMBER).remove(pathId);
                lines.remove(pathId);
            }
            case "DELETE /api/v1/agents/{id}" -> {
                own.get(Kind.AGENT).remove(pathId);
                lines.values().removeIf(pathId::equals);
            }
            case "DELETE /api/v1/provider-accounts/{id}" -> own.get(Kind.PROVIDER_ACCOUNT).remove(pathId);
            default -> {
            }
        }
    }

    private void reached(long replied) {
        if (replied > position) {
            position = replied;
            reached.addLast(new Reached(replied, System.nanoTime()));
        }
    }

    private String importNumber(Caller caller) {
        String e164 = RunningStack.freshUsNumber();
        String id = created(caller, Kind.NUMBER, "/api/v1/phone-numbers",
                "{\"number\":\"" + e164 + "\",\"provider\":\"TWILIO\"}");
        e164s.put(id, e164);
        return id;
    }

    private String created(Caller caller, Kind kind, String path, String body) {
        String id = setUp(caller, path, body).id();
        (caller.ownOrg ? own : others).get(kind).add(id);
        return id;
    }

    private Http.Reply setUp(Caller caller, String path, String body) {
        Http.Reply reply = Http.call("POST", RunningStack.stack().commandUrl() + path, token(caller), body,
                "X-Correlation-Id", correlationId);
        assertThat(reply.status()).as("fuzz fixture " + path + ": " + reply.raw()).isBetween(200, 201);
        reached(reply.body().path("position").asLong(0));
        if (reply.body().has("version")) {
            versions.put(reply.id(), reply.body().get("version").asLong());
        }
        return reply;
    }

    private static Map<Kind, List<String>> pools() {
        Map<Kind, List<String>> pools = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            pools.put(kind, new ArrayList<>());
        }
        return pools;
    }
}
