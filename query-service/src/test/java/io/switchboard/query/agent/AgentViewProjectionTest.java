package io.switchboard.query.agent;

import io.switchboard.api.agent.AgentRenamed;
import io.switchboard.api.agent.AgentRetired;
import io.switchboard.api.assignment.UnassignReason;
import io.switchboard.api.assignment.UnassignedFromAgent;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.number.NumberReleased;
import io.switchboard.api.query.AgentView;
import io.switchboard.query.access.Scope;
import io.switchboard.query.number.NumberViewProjection;
import io.switchboard.query.sql.ProjectionWrites;
import io.switchboard.query.testing.Databases;
import io.switchboard.query.testing.TestNumbers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.switchboard.query.testing.Events.assigned;
import static io.switchboard.query.testing.Events.imported;
import static io.switchboard.query.testing.Events.registered;
import static org.assertj.core.api.Assertions.assertThat;

/** Read side: given agent events, then the agent read model; the projection's handlers are called directly. */
class AgentViewProjectionTest {

    private static final String ORG = "org-a";
    private static final String OWNER = "user-1";
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private static JdbcClient jdbc;

    private static ProjectionWrites writes;

    private AgentViewProjection projection;
    private AgentViewRepository agents;

    @BeforeAll
    static void readModels() {
        jdbc = Databases.freshReadModels("agent_view_projection_test");
        writes = Databases.writes("agent_view_projection_test");
    }

    @BeforeEach
    void emptyReadModels() {
        projection = new AgentViewProjection(writes);
        agents = new AgentViewRepository(jdbc);
        projection.reset();
        new NumberViewProjection(writes).reset();
    }

    @Test
    @DisplayName("R1: a registered agent is listed with its owner, name and version")
    void given_registered_then_agent_in_view() {
        projection.on(registered("agent-1", ORG, OWNER, "Ava"), 0, T0);

        assertThat(agents.find(new Scope(ORG, null), "agent-1").orElseThrow())
                .returns(OWNER, AgentView::ownerUserId)
                .returns("Ava", AgentView::name)
                .returns(false, AgentView::retired)
                .returns(T0, AgentView::registeredAt)
                .returns(0L, AgentView::version)
                .returns(0L, AgentView::assignedNumbers);
    }

    @Test
    @DisplayName("R1: rename and retire apply once, in aggregate order; repeated or older events change nothing")
    void given_history_when_delivered_again_then_nothing_changes() {
        List<Runnable> history = List.of(
                () -> projection.on(registered("agent-1", ORG, OWNER, "Ava"), 0, T0),
                () -> projection.on(new AgentRenamed("agent-1", ORG, "Ava 2"), 1, T0.plusSeconds(60)),
                () -> projection.on(new AgentRetired("agent-1", ORG), 2, T0.plusSeconds(120)));
        history.forEach(Runnable::run);
        List<Map<String, Object>> once = jdbc.sql("SELECT * FROM agent_view").query().listOfRows();

        history.forEach(Runnable::run);
        projection.on(new AgentRenamed("agent-1", ORG, "Stale name"), 1, T0.plusSeconds(60));

        assertThat(jdbc.sql("SELECT * FROM agent_view").query().listOfRows()).isEqualTo(once);
        assertThat(agents.find(new Scope(ORG, null), "agent-1").orElseThrow())
                .returns("Ava 2", AgentView::name)
                .returns(true, AgentView::retired)
                .returns(2L, AgentView::version);
    }

    @Test
    @DisplayName("R2, R9: an agent counts the held numbers assigned to it now, not ended or released ones")
    void given_assignments_then_agent_counts_current_ones() {
        NumberViewProjection numbers = new NumberViewProjection(writes);
        projection.on(registered("agent-1", ORG, OWNER, "Ava"), 0, T0);
        E164Number kept = TestNumbers.british();
        E164Number unassigned = TestNumbers.british();
        E164Number released = TestNumbers.british();
        for (E164Number number : List.of(kept, unassigned, released)) {
            numbers.on(imported(number, ORG, OWNER, Provider.TWILIO, null, null),
                    0, T0);
            numbers.on(assigned("asg-" + number.value(), number.numberId(), ORG,
                    "agent-1"), 0, T0);
        }
        numbers.on(new UnassignedFromAgent("asg-" + unassigned.value(), unassigned.numberId(), ORG, "agent-1",
                UnassignReason.AGENT_RETIRED), 1, T0);
        numbers.on(new NumberReleased(released.numberId(), ORG, released.value()), 1, T0);

        assertThat(agents.find(new Scope(ORG, null), "agent-1").orElseThrow().assignedNumbers()).isEqualTo(1);
    }

    @Test
    @DisplayName("a MEMBER's scope finds only the agents it owns")
    void given_agents_of_two_owners_then_member_scope_finds_own() {
        projection.on(registered("agent-1", ORG, OWNER, "Ava"), 0, T0);
        projection.on(registered("agent-2", ORG, "user-2", "Bo"), 0, T0);

        assertThat(agents.find(new Scope(ORG, OWNER), "agent-1")).isPresent();
        assertThat(agents.find(new Scope(ORG, OWNER), "agent-2")).isEmpty();
        assertThat(agents.find(new Scope("org-b", null), "agent-1")).isEmpty();
    }

    @Test
    @DisplayName("the reset handler empties the read model, so that a replay rebuilds it")
    void given_rows_when_reset_then_empty() {
        projection.on(registered("agent-1", ORG, OWNER, "Ava"), 0, T0);

        projection.reset();

        assertThat(jdbc.sql("SELECT count(*) FROM agent_view").query(Long.class).single()).isZero();
    }
}
