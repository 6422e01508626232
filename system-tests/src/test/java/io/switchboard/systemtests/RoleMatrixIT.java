package io.switchboard.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.Role;
import io.switchboard.systemtests.Http.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §6: walks every cell of the role matrix in {@code docs/security.md} against the running stack: each
 * endpoint, as each role and without a token, aimed at the caller's own object, another user's of its org and
 * another org's. Every cell gets an organization of its own, so what one cell changes no other sees.
 */
@ExtendWith(RunningStack.class)
class RoleMatrixIT {

    private static final Path MATRIX = Path.of("..", "docs", "security.md");
    private static final String CALLER = "caller";
    private static final String COLLEAGUE = "colleague";

    /** One cell of the table: the endpoint, the object it is aimed at, who asks, and the answer expected. */
    record Cell(String endpoint, String object, String role, String expected) {
        @Override
        public String toString() {
            return "§6: " + endpoint + " · " + object + " · " + role + " → " + expected;
        }
    }

    static Stream<Cell> cells() throws IOException {
        List<String> rows = matrixRows();
        List<String> roles = columns(rows.get(0)).subList(2, columns(rows.get(0)).size());
        return rows.stream().skip(2).flatMap(row -> {
            List<String> columns = columns(row);
            return roles.stream().map(role -> new Cell(columns.get(0).replace("`", ""), columns.get(1), role,
                    columns.get(2 + roles.indexOf(role))));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void cell(Cell cell) {
        World world = new World();
        Owner owner = world.ownerOf(cell.object());
        Request request = REQUESTS.get(cell.endpoint()).at(world, owner, cell.object());
        String token = cell.role().equals("no token") ? null
                : RunningStack.token(world.org, CALLER, Role.valueOf(cell.role()));

        Reply reply = request.send(world, token);

        String[] expected = cell.expected().split(" ");
        assertThat(reply.status()).as(cell + ": " + reply.raw()).isEqualTo(Integer.parseInt(expected[0]));
        if (expected.length > 1) {
            assertThat(reply.raw().contains(request.mustShow()))
                    .as(cell + ": " + request.mustShow() + " in " + reply.raw())
                    .isEqualTo(expected[1].equals("sees"));
        }
    }

    @Test
    @DisplayName("§6: the matrix names every endpoint that either service's OpenAPI document lists, and no other")
    void matrixCoversEveryEndpoint() throws IOException {
        Set<String> documented = new TreeSet<>();
        documented.addAll(endpoints(RunningStack.stack().commandUrl()));
        documented.addAll(endpoints(RunningStack.stack().queryUrl()));
        Set<String> inMatrix = new TreeSet<>();
        cells().forEach(cell -> inMatrix.add(cell.endpoint()));

        assertThat(inMatrix).isEqualTo(documented);
        assertThat(REQUESTS.keySet()).containsExactlyInAnyOrderElementsOf(inMatrix);
    }

    private static Set<String> endpoints(String serviceUrl) {
        JsonNode paths = Http.call("GET", serviceUrl + "/v3/api-docs", null, null).body().get("paths");
        Set<String> endpoints = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                endpoints.add(method.toUpperCase() + " " + path.getKey().replaceAll("\\{[^}]+}", "{id}"))));
        return endpoints;
    }

    private static List<String> matrixRows() throws IOException {
        String text = Files.readString(MATRIX);
        String table = text.substring(text.indexOf("<!-- role-matrix:start -->"),
                text.indexOf("<!-- role-matrix:end -->"));
        return table.lines().filter(line -> line.startsWith("|")).toList();
    }

    private static List<String> columns(String row) {
        return Arrays.stream(row.substring(1, row.length() - 1).split("\\|")).map(String::strip).toList();
    }

    /** Whose object a cell aims at. */
    record Owner(String org, String user) {
    }

    /** An HTTP request to one service; {@code mustShow} is what a "sees" answer contains and a "hidden" one not. */
    record Request(boolean query, String method, String path, String body, String mustShow) {
        Reply send(World world, String token) {
            return query
                    ? Http.call(method, RunningStack.stack().queryUrl() + path, token, null,
                            "X-Min-Position", Long.toString(world.position))
                    : Http.call(method, RunningStack.stack().commandUrl() + path, token, body);
        }

        static Request command(String method, String path, String body) {
            return new Request(false, method, path, body, null);
        }

        Request showing(String id) {
            return new Request(query, method, path, body, id);
        }

        static Request query(String path, String mustShow) {
            return new Request(true, "GET", path, null, mustShow);
        }
    }

    /** A number assigned to an agent of the same owner. */
    record Line(String numberId, String e164, String agentId) {
    }

    /** A fresh organization for one cell, another one beside it, and what the cell's setup created there. */
    static final class World {
        final String org = "matrix-" + UUID.randomUUID();
        final String otherOrg = "elsewhere-" + UUID.randomUUID();
        long position;

        Owner ownerOf(String object) {
            if (object.startsWith("other org")) {
                return new Owner(otherOrg, "stranger");
            }
            return object.startsWith("org") || object.contains("another user")
                    ? new Owner(org, COLLEAGUE) : new Owner(org, CALLER);
        }

        Owner stranger() {
            return new Owner(otherOrg, "stranger");
        }

        /** Sets up as the owning org's admin, naming the owner; the caller's later reads wait for it. */
        Reply setUp(Owner owner, String method, String path, String body) {
            Reply reply = Http.call(method, RunningStack.stack().commandUrl() + path,
                    RunningStack.token(owner.org(), "setup-admin", Role.ORG_ADMIN), body);
            assertThat(reply.status()).as(method + " " + path + ": " + reply.raw()).isBetween(200, 201);
            position = Math.max(position, reply.position());
            return reply;
        }

        String agent(Owner owner) {
            return setUp(owner, "POST", "/api/v1/agents",
                    "{\"name\":\"Matrix agent\",\"ownerUserId\":\"" + owner.user() + "\"}").id();
        }

        String[] number(Owner owner) {
            String e164 = RunningStack.freshUsNumber();
            String id = setUp(owner, "POST", "/api/v1/phone-numbers", "{\"number\":\"" + e164
                    + "\",\"provider\":\"twilio\",\"ownerUserId\":\"" + owner.user() + "\"}").id();
            return new String[] {id, e164};
        }

        /** A bulk import of one number, started by the owner itself (a MEMBER), whose imports are its own. */
        String bulkImport(Owner owner) {
            Reply reply = Http.call("POST", RunningStack.stack().commandUrl() + "/api/v1/phone-numbers/bulk",
                    RunningStack.token(owner.org(), owner.user(), Role.MEMBER), bulkBody());
            assertThat(reply.status()).as("bulk import: " + reply.raw()).isEqualTo(200);
            return reply.id();
        }

        String providerAccount(Owner owner) {
            return setUp(owner, "POST", "/api/v1/provider-accounts", providerAccountBody()).id();
        }

        Line line(Owner owner) {
            String[] number = number(owner);
            String agentId = agent(owner);
            setUp(owner, "POST", "/api/v1/phone-numbers/" + number[0] + "/assign", "{\"agentId\":\"" + agentId + "\"}");
            return new Line(number[0], number[1], agentId);
        }

        Line lineWithCall(Owner owner) {
            Line line = line(owner);
            setUp(owner, "POST", "/api/v1/calls", call("\"fromNumber\":\"" + line.e164() + "\""));
            return line;
        }
    }

    private static String bulkBody() {
        return "[{\"number\":\"" + RunningStack.freshUsNumber() + "\",\"provider\":\"twilio\"}]";
    }

    private static String providerAccountBody() {
        return "{\"provider\":\"twilio\",\"providerAccountId\":\"AC" + UUID.randomUUID().toString().replace("-", "")
                + "\",\"token\":\"matrix-" + UUID.randomUUID() + "\",\"label\":\"Matrix account\"}";
    }

    private static String call(String from) {
        return "{\"callId\":\"" + UUID.randomUUID() + "\",\"destination\":\"+12025550123\"," + from + "}";
    }

    private static String ownerField(Owner owner) {
        return owner.user().equals(CALLER) ? "" : ",\"ownerUserId\":\"" + owner.user() + "\"";
    }

    /** How to aim an endpoint at the object a row names, creating that object first. */
    @FunctionalInterface
    interface Aim {
        Request at(World world, Owner owner, String object);
    }

    private static final Map<String, Aim> REQUESTS = Map.ofEntries(
            entry("POST /api/v1/agents", (w, o, object) -> Request.command("POST", "/api/v1/agents",
                    "{\"name\":\"New agent\"" + ownerField(o) + "}")),
            entry("PATCH /api/v1/agents/{id}", (w, o, object) -> Request.command("PATCH", "/api/v1/agents/" + w.agent(o),
                    "{\"name\":\"Renamed\"}")),
            entry("DELETE /api/v1/agents/{id}", (w, o, object) -> Request.command("DELETE", "/api/v1/agents/" + w.agent(o),
                    null)),
            entry("POST /api/v1/phone-numbers", (w, o, object) -> {
                String account = object.contains("provider account") ? ",\"credentialRef\":\""
                        + w.providerAccount(object.contains("another org's") ? w.stranger() : o) + "\"" : "";
                return Request.command("POST", "/api/v1/phone-numbers", "{\"number\":\"" + RunningStack.freshUsNumber()
                        + "\",\"provider\":\"twilio\"" + ownerField(o) + account + "}");
            }),
            entry("POST /api/v1/phone-numbers/bulk", (w, o, object) -> Request.command("POST",
                    "/api/v1/phone-numbers/bulk", bulkBody())),
            entry("GET /api/v1/phone-numbers/bulk/{id}", (w, o, object) -> Request.command("GET",
                    "/api/v1/phone-numbers/bulk/" + w.bulkImport(o), null)),
            entry("PATCH /api/v1/phone-numbers/{id}", (w, o, object) -> Request.command("PATCH",
                    "/api/v1/phone-numbers/" + w.number(o)[0], "{\"label\":\"Renamed\"}")),
            entry("POST /api/v1/phone-numbers/{id}/activate", (w, o, object) -> {
                String id = w.number(o)[0];
                w.setUp(o, "POST", "/api/v1/phone-numbers/" + id + "/deactivate", "{}");
                return Request.command("POST", "/api/v1/phone-numbers/" + id + "/activate", null);
            }),
            entry("POST /api/v1/phone-numbers/{id}/deactivate", (w, o, object) -> Request.command("POST",
                    "/api/v1/phone-numbers/" + w.number(o)[0] + "/deactivate", "{\"reason\":\"maintenance\"}")),
            entry("POST /api/v1/phone-numbers/{id}/transfer", (w, o, object) -> Request.command("POST",
                    "/api/v1/phone-numbers/" + w.number(o)[0] + "/transfer", "{\"newOwnerUserId\":\"heir\"}")),
            entry("POST /api/v1/phone-numbers/{id}/assign", (w, o, object) -> {
                String numberId = w.number(o)[0];
                Owner agentOwner = object.endsWith("other org's agent") ? w.stranger() : o;
                return Request.command("POST", "/api/v1/phone-numbers/" + numberId + "/assign",
                        "{\"agentId\":\"" + w.agent(agentOwner) + "\"}");
            }),
            entry("POST /api/v1/phone-numbers/{id}/unassign", (w, o, object) -> Request.command("POST",
                    "/api/v1/phone-numbers/" + w.line(o).numberId() + "/unassign", null)),
            entry("PUT /api/v1/phone-numbers/{id}/limits", (w, o, object) -> Request.command("PUT",
                    "/api/v1/phone-numbers/" + w.line(o).numberId() + "/limits",
                    "{\"dailyLimit\":5,\"allowedCountries\":[\"US\"]}")),
            entry("DELETE /api/v1/phone-numbers/{id}", (w, o, object) -> Request.command("DELETE",
                    "/api/v1/phone-numbers/" + w.number(o)[0], null)),
            entry("POST /api/v1/calls", (w, o, object) -> {
                Line line = w.line(o);
                return Request.command("POST", "/api/v1/calls", object.endsWith("agent")
                        ? call("\"agentId\":\"" + line.agentId() + "\"")
                        : call("\"fromNumber\":\"" + line.e164() + "\""));
            }),
            entry("POST /api/v1/provider-accounts", (w, o, object) -> Request.command("POST",
                    "/api/v1/provider-accounts", providerAccountBody())),
            entry("GET /api/v1/provider-accounts", (w, o, object) -> Request.command("GET",
                    "/api/v1/provider-accounts?limit=100", null).showing(w.providerAccount(o))),
            entry("GET /api/v1/provider-accounts/{id}", (w, o, object) -> Request.command("GET",
                    "/api/v1/provider-accounts/" + w.providerAccount(o), null)),
            entry("DELETE /api/v1/provider-accounts/{id}", (w, o, object) -> Request.command("DELETE",
                    "/api/v1/provider-accounts/" + w.providerAccount(o), null)),
            entry("POST /api/v1/provider-accounts/{id}/verify", (w, o, object) -> Request.command("POST",
                    "/api/v1/provider-accounts/" + w.providerAccount(o) + "/verify", null)),
            entry("POST /api/v1/provider-accounts/{id}/import", (w, o, object) -> Request.command("POST",
                    "/api/v1/provider-accounts/" + w.providerAccount(o) + "/import", null)),
            entry("POST /api/v1/admin/provider-accounts/reencrypt", (w, o, object) -> Request.command("POST",
                    "/api/v1/admin/provider-accounts/reencrypt", null)),
            entry("GET /api/v1/admin/platform-sync/dead-letters", (w, o, object) -> Request.command("GET",
                    "/api/v1/admin/platform-sync/dead-letters", null)),
            entry("POST /api/v1/admin/platform-sync/dead-letters/{id}/retry", (w, o, object) -> Request.command("POST",
                    "/api/v1/admin/platform-sync/dead-letters/" + UUID.randomUUID() + "/retry", null)),
            entry("DELETE /api/v1/admin/platform-sync/dead-letters/{id}", (w, o, object) -> Request.command("DELETE",
                    "/api/v1/admin/platform-sync/dead-letters/" + UUID.randomUUID(), null)),
            entry("PUT /api/v1/org/policy", (w, o, object) -> Request.command("PUT", "/api/v1/org/policy",
                    "{\"timeZone\":\"Europe/Paris\"}")),
            entry("GET /api/v1/phone-numbers", (w, o, object) -> Request.query("/api/v1/phone-numbers?limit=100",
                    w.number(o)[0])),
            entry("GET /api/v1/phone-numbers/{id}", (w, o, object) -> {
                String id = w.number(o)[0];
                return Request.query("/api/v1/phone-numbers/" + id, id);
            }),
            entry("GET /api/v1/phone-numbers/{id}/history", (w, o, object) -> Request.query(
                    "/api/v1/phone-numbers/" + w.number(o)[0] + "/history", null)),
            entry("GET /api/v1/admin/projections", (w, o, object) -> Request.query("/api/v1/admin/projections", null)),
            entry("POST /api/v1/admin/projections/{id}/rebuild", (w, o, object) -> new Request(true, "POST",
                    "/api/v1/admin/projections/" + (object.contains("unknown") ? "no-such-projection" : object)
                            + "/rebuild", null, null)),
            entry("GET /api/v1/admin/projections/rebuilds/{id}", (w, o, object) -> Request.query(
                    "/api/v1/admin/projections/rebuilds/" + UUID.randomUUID(), null)),
            entry("GET /api/v1/phone-numbers/lookup", (w, o, object) -> {
                String[] number = w.number(o);
                return Request.query("/api/v1/phone-numbers/lookup?number=%2B" + number[1].substring(1), number[0]);
            }),
            entry("GET /api/v1/agents", (w, o, object) -> Request.query("/api/v1/agents?limit=100", w.agent(o))),
            entry("GET /api/v1/agents/{id}", (w, o, object) -> {
                String id = w.agent(o);
                return Request.query("/api/v1/agents/" + id, id);
            }),
            entry("GET /api/v1/agents/{id}/phone-numbers", (w, o, object) -> {
                Line line = w.line(o);
                return Request.query("/api/v1/agents/" + line.agentId() + "/phone-numbers", line.numberId());
            }),
            entry("GET /api/v1/usage", (w, o, object) -> Request.query("/api/v1/usage?date=" + LocalDate.now(ZoneOffset.UTC),
                    w.lineWithCall(o).numberId())),
            entry("GET /api/v1/org/summary", (w, o, object) -> Request.query("/api/v1/org/summary", null)),
            entry("GET /api/v1/admin/phone-numbers", (w, o, object) -> Request.query(
                    "/api/v1/admin/phone-numbers?orgId=" + o.org(), w.number(o)[0])));
}
