package io.switchboard.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.agent.AgentRegistered;
import io.switchboard.api.agent.AgentRenamed;
import io.switchboard.api.agent.AgentRetired;
import io.switchboard.api.assignment.AssignedToAgent;
import io.switchboard.api.assignment.AssignmentLimitsChanged;
import io.switchboard.api.assignment.CallCounted;
import io.switchboard.api.assignment.CallRefusal;
import io.switchboard.api.assignment.CallRefused;
import io.switchboard.api.assignment.UnassignReason;
import io.switchboard.api.assignment.UnassignedFromAgent;
import io.switchboard.api.common.Capability;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.common.Role;
import io.switchboard.api.number.NumberActivated;
import io.switchboard.api.number.NumberDeactivated;
import io.switchboard.api.number.NumberDetails;
import io.switchboard.api.number.NumberDetailsChanged;
import io.switchboard.api.number.NumberFailed;
import io.switchboard.api.number.NumberReleased;
import io.switchboard.api.number.NumberTransferred;
import io.switchboard.api.org.OrgPolicyChanged;
import io.switchboard.query.testing.Events;
import io.switchboard.query.testing.TestNumbers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.awaitility.Awaitility.await;

/**
 * §5: every read model rebuilt from the event store is the one the live projections built. The store holds a few
 * thousand events of three orgs (imports, detail changes, status changes, assignments, limit changes, calls counted
 * and refused, renames, retirements, transfers, releases, re-imports), beside whatever the other tests wrote.
 */
class ProjectionRebuildTest extends HttpTest {

    private static final List<String> AXON_AND_FLYWAY = List.of("token_entry", "saga_entry",
            "association_value_entry", "dead_letter_entry", "flyway_schema_history");
    private static final List<String> PROJECTIONS = List.of("agent-view", "number-history", "number-view",
            "org-policy-view", "usage-view");

    @Autowired
    private TestRestTemplate rest;
    @LocalServerPort
    private int port;

    private final String root = token("root", "platform", Role.PLATFORM_ADMIN);

    @Test
    @DisplayName("§5: rebuilding all projections from a few thousand events gives every read-model table back, row "
            + "for row and column for column, with its progress shown")
    void rebuild_all_gives_identical_read_models() {
        int written = new RealisticMix(events, org).write();
        assertThat(written).isGreaterThan(2_000);
        awaitReadModels(events.lastPosition());
        Map<String, List<Map<String, Object>>> before = snapshot();
        assertThat(before.keySet()).contains("number_view", "assignment_view", "agent_view", "usage_view",
                "org_policy_view", "number_history");
        assertThat(before.get("number_history")).hasSizeGreaterThan(200);
        assertThat(before.get("usage_view")).hasSizeGreaterThan(200);

        ResponseEntity<JsonNode> accepted = post("/api/v1/admin/projections/all/rebuild", root);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String job = accepted.getBody().path("id").asText();
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/v1/admin/projections/rebuilds/" + job);
        assertThat(accepted.getBody().path("projections")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(PROJECTIONS);
        assertProblem(post("/api/v1/admin/projections/number-view/rebuild", root), HttpStatus.CONFLICT,
                "CONCURRENT_MODIFICATION");

        List<JsonNode> views = followRebuild(accepted);
        JsonNode view = views.get(views.size() - 1);
        assertThat(view.path("status").asText()).as(view.toString()).isEqualTo("COMPLETED");
        long total = view.path("eventsTotal").asLong();
        assertThat(total).isGreaterThanOrEqualTo(events.lastPosition());
        assertThat(view.path("eventsDone").asLong()).isEqualTo(total);
        assertThat(view.path("secondsLeft").asLong()).isZero();
        assertThat(view.path("eventsPerSecond").asDouble())
                .isCloseTo(total / view.path("elapsedSeconds").asDouble(), withPercentage(1));
        assertThat(view.path("progress")).allSatisfy(projection ->
                assertThat(projection.path("position").asLong()).isGreaterThanOrEqualTo(total));
        assertThat(views).extracting(seen -> seen.path("eventsDone").asLong()).isSorted()
                .allSatisfy(done -> assertThat(done).isBetween(0L, total));

        awaitReadModels(events.lastPosition());
        Map<String, List<Map<String, Object>>> after = snapshot();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String table : before.keySet()) {
            assertThat(after.get(table)).as(table).hasSameSizeAs(before.get(table))
                    .containsExactlyElementsOf(before.get(table));
        }
    }

    @Test
    @DisplayName("§5: one projection can be rebuilt alone; the others are not touched")
    void rebuild_one() {
        events.append("OrgPolicy", org, new OrgPolicyChanged(org, null, "Europe/Paris"), Instant.now(), "root", "r1");
        awaitReadModels(events.lastPosition());
        List<Map<String, Object>> policies = rows("org_policy_view");

        ResponseEntity<JsonNode> accepted = post("/api/v1/admin/projections/org-policy-view/rebuild", root);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody().path("projections")).extracting(JsonNode::asText)
                .containsExactly("org-policy-view");
        List<JsonNode> views = followRebuild(accepted);
        assertThat(views.get(views.size() - 1).path("status").asText()).isEqualTo("COMPLETED");
        awaitReadModels(events.lastPosition());
        assertThat(rows("org_policy_view")).containsExactlyElementsOf(policies);
    }

    @Test
    @DisplayName("§6: only a PLATFORM_ADMIN rebuilds or follows a rebuild (403 for every other role); an unknown "
            + "projection or job answers 404")
    void access() {
        for (Role role : List.of(Role.ORG_ADMIN, Role.MANAGER, Role.MEMBER, Role.SERVICE)) {
            String token = token("someone", org, role);
            assertProblem(post("/api/v1/admin/projections/all/rebuild", token), HttpStatus.FORBIDDEN, "FORBIDDEN");
            assertProblem(getWithMinPosition("/api/v1/admin/projections/rebuilds/" + UUID.randomUUID(), token, null),
                    HttpStatus.FORBIDDEN, "FORBIDDEN");
            assertProblem(getWithMinPosition("/api/v1/admin/projections", token, null), HttpStatus.FORBIDDEN,
                    "FORBIDDEN");
        }
        assertProblem(post("/api/v1/admin/projections/no-such-view/rebuild", root), HttpStatus.NOT_FOUND,
                "NOT_FOUND");
        assertProblem(getWithMinPosition("/api/v1/admin/projections/rebuilds/" + UUID.randomUUID(), root, null),
                HttpStatus.NOT_FOUND, "NOT_FOUND");
        JsonNode projections = getWithMinPosition("/api/v1/admin/projections", root, null).getBody();
        assertThat(projections).extracting(projection -> projection.path("name").asText())
                .containsExactlyElementsOf(PROJECTIONS);
    }

    /** Every read-model table of the query schema: all rows, all columns, in the order of all columns. */
    private Map<String, List<Map<String, Object>>> snapshot() {
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = 'query' AND table_type = 'BASE TABLE' ORDER BY table_name""")
                .query(String.class).list();
        Map<String, List<Map<String, Object>>> snapshot = new LinkedHashMap<>();
        for (String table : tables) {
            if (!AXON_AND_FLYWAY.contains(table)) {
                snapshot.put(table, rows(table));
            }
        }
        return snapshot;
    }

    private List<Map<String, Object>> rows(String table) {
        int columns = jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'query'"
                + " AND table_name = :table").param("table", table).query(Integer.class).single();
        StringBuilder order = new StringBuilder();
        for (int column = 1; column <= columns; column++) {
            order.append(column == 1 ? "" : ", ").append(column);
        }
        return jdbc.sql("SELECT * FROM query." + table + " ORDER BY " + order).query().listOfRows();
    }

    /** The job's views, read from its Location until it is no longer RUNNING; the last one is how it ended. */
    private List<JsonNode> followRebuild(ResponseEntity<JsonNode> accepted) {
        String location = accepted.getHeaders().getLocation().toString();
        List<JsonNode> views = new ArrayList<>();
        await("rebuild " + location + " no longer RUNNING").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode view = getWithMinPosition(location, root, null).getBody();
                    views.add(view);
                    return view;
                }, view -> !view.path("status").asText().equals("RUNNING"));
        return views;
    }

    /** Waits until every read model has processed the position (read-your-writes, retried past its bound). */
    private void awaitReadModels(long position) {
        await("read models at position " + position).atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
                        getWithMinPosition("/api/v1/org/summary", root, String.valueOf(position)).getStatusCode())
                        .as("GET /api/v1/org/summary with X-Min-Position " + position).isEqualTo(HttpStatus.OK));
    }

    private ResponseEntity<JsonNode> post(String path, String token) {
        return rest.exchange(RequestEntity.post(URI.create("http://localhost:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build(), JsonNode.class);
    }

    /**
     * Three orgs' worth of a realistic month: policies, agents (some renamed, one retired), numbers of three
     * countries imported for several owners, detail and status changes, assignments with limit changes, calls over
     * several days counted up to the limit and then refused, transfers that end assignments, releases, re-imports by
     * another org.
     */
    private static final class RealisticMix {

        private final TimedEvents events;
        private final String prefix;
        private final Random random = new Random(42);
        private final List<TimedEvents.Event> pending = new ArrayList<>();
        private Instant now = Instant.parse("2025-02-01T08:00:00Z");
        private int written;

        RealisticMix(TimedEvents events, String prefix) {
            this.events = events;
            this.prefix = prefix;
        }

        int write() {
            List<String> orgs = List.of(prefix + "-1", prefix + "-2", prefix + "-3");
            List<String> zones = List.of("Europe/Berlin", "America/New_York", "");
            List<E164Number> released = new ArrayList<>();
            for (int o = 0; o < orgs.size(); o++) {
                String org = orgs.get(o);
                if (!zones.get(o).isEmpty()) {
                    add("OrgPolicy", org, new OrgPolicyChanged(org, null, zones.get(o)));
                }
                List<String> users = List.of("alice", "bob", "carol");
                List<String> agents = new ArrayList<>();
                Map<String, String> agentOwners = new LinkedHashMap<>();
                for (int a = 0; a < 8; a++) {
                    String agent = UUID.randomUUID().toString();
                    String owner = users.get(a % users.size());
                    agents.add(agent);
                    agentOwners.put(agent, owner);
                    add("Agent", agent, new AgentRegistered(agent, org, owner, a % 4 == 0 ? "client-x" : null,
                            "agent " + a));
                    if (a % 3 == 0) {
                        add("Agent", agent, new AgentRenamed(agent, org, "agent " + a + " (renamed)"));
                    }
                }
                for (int n = 0; n < 40; n++) {
                    E164Number number = n % 3 == 0 ? TestNumbers.american()
                            : n % 3 == 1 ? TestNumbers.british() : TestNumbers.german();
                    String id = number.numberId();
                    String agent = agents.get(n % agents.size());
                    String owner = agentOwners.get(agent);
                    add("PhoneNumber", id, Events.imported(number, org, owner,
                            Provider.values()[n % Provider.values().length], n % 5 == 0 ? "client-x" : null,
                            "line " + n));
                    if (n % 4 == 0) {
                        add("PhoneNumber", id, new NumberDetailsChanged(id, org, new NumberDetails("renamed " + n,
                                Set.of(Capability.VOICE, Capability.SMS), Map.of("k", "v" + n), null, null, null)));
                    }
                    if (n % 7 == 0) {
                        add("PhoneNumber", id, new NumberDeactivated(id, org, "holiday"));
                        add("PhoneNumber", id, new NumberActivated(id, org));
                    }
                    if (n % 13 == 5) {
                        add("PhoneNumber", id, new NumberFailed(id, org, "provider verification failed"));
                        continue;
                    }
                    if (n % 8 == 7) {
                        continue;
                    }
                    String assignment = UUID.randomUUID().toString();
                    int limit = 8 + n % 5;
                    add("Assignment", assignment, new AssignedToAgent(assignment, id, org, agent, limit,
                            Set.of(number.country().value())));
                    if (n % 3 == 0) {
                        limit = 6;
                        add("Assignment", assignment, new AssignmentLimitsChanged(assignment, id, org, limit,
                                Set.of(number.country().value(), "IE")));
                    }
                    for (int day = 1; day <= 3; day++) {
                        String date = "2025-02-0" + day;
                        int calls = 4 + random.nextInt(8);
                        for (int c = 1; c <= calls; c++) {
                            if (c > limit) {
                                add("Assignment", assignment, new CallRefused(assignment, id, org, agent,
                                        UUID.randomUUID().toString(), "+442079460000", "GB", date,
                                        CallRefusal.DAILY_LIMIT_REACHED));
                            } else {
                                add("Assignment", assignment, new CallCounted(assignment, id, org, agent,
                                        UUID.randomUUID().toString(), "+442079460000", "GB", date, c, limit));
                            }
                        }
                        if (random.nextInt(4) == 0) {
                            add("Assignment", assignment, new CallRefused(assignment, id, org, agent,
                                    UUID.randomUUID().toString(), "+33142685300", "FR", date,
                                    CallRefusal.COUNTRY_NOT_ALLOWED));
                        }
                    }
                    if (n % 6 == 1) {
                        String newOwner = users.get((users.indexOf(owner) + 1) % users.size());
                        add("PhoneNumber", id, new NumberTransferred(id, org, owner, newOwner));
                        add("Assignment", assignment, new UnassignedFromAgent(assignment, id, org, agent,
                                UnassignReason.NUMBER_TRANSFERRED));
                    } else if (n % 10 == 2) {
                        add("Assignment", assignment, new UnassignedFromAgent(assignment, id, org, agent,
                                UnassignReason.REQUESTED));
                        add("PhoneNumber", id, new NumberReleased(id, org, number.value()));
                        released.add(number);
                    }
                }
                String retired = agents.get(agents.size() - 1);
                add("Agent", retired, new AgentRetired(retired, org));
            }
            for (int r = 0; r < released.size(); r += 2) {
                E164Number number = released.get(r);
                add("PhoneNumber", number.numberId(), Events.imported(number, orgs.get(r % orgs.size()), "dave",
                        Provider.SIP, null, "re-imported"));
            }
            flush();
            return written;
        }

        private void add(String aggregateType, String aggregateId, Object payload) {
            now = now.plusSeconds(30 + random.nextInt(600));
            pending.add(new TimedEvents.Event(aggregateType, aggregateId, payload, now, "user-" + random.nextInt(5),
                    "req-" + UUID.randomUUID()));
            written++;
            if (pending.size() >= 250) {
                flush();
            }
        }

        private void flush() {
            if (!pending.isEmpty()) {
                events.appendAll(List.copyOf(pending));
                pending.clear();
            }
        }
    }
}
