package io.switchboard.query.usage;

import io.switchboard.api.assignment.AssignmentLimitsChanged;
import io.switchboard.api.assignment.CallRefusal;
import io.switchboard.api.assignment.UnassignReason;
import io.switchboard.api.assignment.UnassignedFromAgent;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.number.NumberTransferred;
import io.switchboard.query.access.Scope;
import io.switchboard.query.agent.AgentViewProjection;
import io.switchboard.query.number.NumberViewProjection;
import io.switchboard.query.paging.PageParameters;
import io.switchboard.query.paging.PageRequest;
import io.switchboard.query.sql.ProjectionWrites;
import io.switchboard.query.testing.Databases;
import io.switchboard.query.testing.TestNumbers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.switchboard.query.testing.Events.assigned;
import static io.switchboard.query.testing.Events.counted;
import static io.switchboard.query.testing.Events.imported;
import static io.switchboard.query.testing.Events.refused;
import static io.switchboard.query.testing.Events.registered;
import static org.assertj.core.api.Assertions.assertThat;

/** Read side: given calls counted and refused, then the usage read model; handlers are called directly. */
class UsageViewProjectionTest {

    private static final String ORG = "org-a";
    private static final String OWNER = "user-1";
    private static final String AGENT = "agent-1";
    private static final String ASSIGNMENT = "asg-1";
    private static final String DAY_1 = "2025-03-01";
    private static final String DAY_2 = "2025-03-02";
    private static final LocalDate LATER = LocalDate.parse("2025-03-09");
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private static JdbcClient jdbc;

    private static ProjectionWrites writes;

    private final E164Number number = TestNumbers.british();
    private final String numberId = number.numberId();
    private UsageViewProjection projection;
    private NumberViewProjection numbers;
    private UsageViewRepository usage;

    /** The Assignment aggregate's calls, each at its sequence number (0 is AssignedToAgent), over two days. */
    private final List<Runnable> calls = List.of(
            () -> projection.on(counted(ASSIGNMENT, numberId, ORG, AGENT, DAY_1, 1, 2), 1, at(1)),
            () -> projection.on(refused(ASSIGNMENT, numberId, ORG, AGENT, DAY_1, CallRefusal.COUNTRY_NOT_ALLOWED),
                    2, at(2)),
            () -> projection.on(counted(ASSIGNMENT, numberId, ORG, AGENT, DAY_1, 2, 2), 3, at(3)),
            () -> projection.on(refused(ASSIGNMENT, numberId, ORG, AGENT, DAY_1, CallRefusal.DAILY_LIMIT_REACHED),
                    4, at(4)),
            () -> projection.on(refused(ASSIGNMENT, numberId, ORG, AGENT, DAY_1, CallRefusal.DAILY_LIMIT_REACHED),
                    5, at(5)),
            () -> projection.on(counted(ASSIGNMENT, numberId, ORG, AGENT, DAY_2, 1, 2), 6, at(60 * 24)));

    @BeforeAll
    static void readModels() {
        jdbc = Databases.freshReadModels("usage_view_projection_test");
        writes = Databases.writes("usage_view_projection_test");
    }

    @BeforeEach
    void assignedNumber() {
        projection = new UsageViewProjection(writes);
        numbers = new NumberViewProjection(writes);
        usage = new UsageViewRepository(jdbc);
        AgentViewProjection agents = new AgentViewProjection(writes);
        projection.reset();
        numbers.reset();
        agents.reset();
        numbers.on(imported(number, ORG, OWNER, Provider.TWILIO, null, null), 0, T0);
        agents.on(registered(AGENT, ORG, OWNER, "Ava"), 0, T0);
        numbers.on(assigned(ASSIGNMENT, numberId, ORG, AGENT), 0, T0);
    }

    @Test
    @DisplayName("R15, R17: calls counted and refused add up per assignment and org-local day")
    void given_calls_on_two_days_then_usage_per_day() {
        calls.forEach(Runnable::run);

        assertThat(usageOn(DAY_1, LATER)).singleElement().satisfies(day -> {
            assertThat(day.assignmentId()).isEqualTo(ASSIGNMENT);
            assertThat(day.numberId()).isEqualTo(numberId);
            assertThat(day.e164()).isEqualTo(number.value());
            assertThat(day.agentId()).isEqualTo(AGENT);
            assertThat(day.agentName()).isEqualTo("Ava");
            assertThat(day.callsCounted()).isEqualTo(2);
            assertThat(day.callsRefused()).isEqualTo(Map.of(
                    CallRefusal.DAILY_LIMIT_REACHED, 2, CallRefusal.COUNTRY_NOT_ALLOWED, 1,
                    CallRefusal.NUMBER_INACTIVE, 0, CallRefusal.NOT_ASSIGNED, 0, CallRefusal.AGENT_MISMATCH, 0));
            assertThat(day.dailyLimit()).isEqualTo(2);
            assertThat(day.remaining()).isZero();
        });
        assertThat(usageOn(DAY_2, LATER)).singleElement().satisfies(day -> {
            assertThat(day.callsCounted()).isEqualTo(1);
            assertThat(day.callsRefused().values()).containsOnly(0);
            assertThat(day.remaining()).isEqualTo(1);
        });
        assertThat(usageOn("2025-03-03", LATER)).isEmpty();
        assertThat(usage.callsCounted(ASSIGNMENT, LocalDate.parse(DAY_1))).isEqualTo(2);
        assertThat(usage.callsCounted(ASSIGNMENT, LocalDate.parse("2025-03-03"))).isZero();
    }

    @Test
    @DisplayName("R15: the calls delivered again, as a run after a crash or one by one out of order, change nothing")
    void given_calls_when_delivered_again_then_nothing_changes() {
        calls.forEach(Runnable::run);
        List<Map<String, Object>> once = rows();

        calls.forEach(Runnable::run);
        calls.get(3).run();
        calls.get(0).run();
        calls.get(1).run();

        assertThat(rows()).isEqualTo(once);
        assertThat(usageOn(DAY_1, LATER)).singleElement()
                .returns(2, AssignmentUsage::callsCounted)
                .satisfies(day -> assertThat(day.callsRefused()).containsEntry(CallRefusal.DAILY_LIMIT_REACHED, 2));
    }

    @Test
    @DisplayName("R15: after a redelivered run, the next new event still applies")
    void given_redelivered_calls_when_next_call_then_it_counts() {
        calls.forEach(Runnable::run);
        calls.forEach(Runnable::run);

        projection.on(refused(ASSIGNMENT, numberId, ORG, AGENT, DAY_2, CallRefusal.AGENT_MISMATCH), 7, at(60 * 25));

        assertThat(usageOn(DAY_2, LATER)).singleElement()
                .satisfies(day -> assertThat(day.callsRefused()).containsEntry(CallRefusal.AGENT_MISMATCH, 1));
    }

    @Test
    @DisplayName("R13, R15: a day's limit is the one at its last counted call, today's the current assignment's now")
    void given_limit_changed_then_today_shows_the_limit_now() {
        calls.get(0).run();
        numbers.on(new AssignmentLimitsChanged(ASSIGNMENT, numberId, ORG, 5, Set.of("GB")), 2);
        projection.on(refused(ASSIGNMENT, numberId, ORG, AGENT, DAY_2, CallRefusal.COUNTRY_NOT_ALLOWED), 3, at(3));
        LocalDate day1 = LocalDate.parse(DAY_1);
        LocalDate day2 = LocalDate.parse(DAY_2);

        assertThat(usageOn(DAY_1, day1)).singleElement()
                .returns(5, AssignmentUsage::dailyLimit).returns(4, AssignmentUsage::remaining);
        assertThat(usageOn(DAY_1, day2)).singleElement()
                .returns(2, AssignmentUsage::dailyLimit).returns(1, AssignmentUsage::remaining);
        assertThat(usageOn(DAY_2, LATER)).singleElement()
                .returns(5, AssignmentUsage::dailyLimit).returns(5, AssignmentUsage::remaining);

        numbers.on(new UnassignedFromAgent(ASSIGNMENT, numberId, ORG, AGENT, UnassignReason.REQUESTED), 4, at(4));
        assertThat(usageOn(DAY_1, day1)).singleElement().returns(2, AssignmentUsage::dailyLimit);
    }

    @Test
    @DisplayName("R8: a MEMBER's scope finds the usage of the numbers it owns now; another org's finds none")
    void given_transferred_number_then_new_owner_sees_its_usage() {
        calls.get(0).run();
        numbers.on(new NumberTransferred(numberId, ORG, OWNER, "user-2"), 1, at(1));

        assertThat(usageOn(new Scope(ORG, OWNER))).isEmpty();
        assertThat(usageOn(new Scope(ORG, "user-2"))).hasSize(1);
        assertThat(usageOn(new Scope(ORG, null))).hasSize(1);
        assertThat(usageOn(new Scope("org-b", null))).isEmpty();
    }

    @Test
    @DisplayName("the reset handler empties the read model, so that a replay rebuilds it")
    void given_rows_when_reset_then_empty() {
        calls.forEach(Runnable::run);

        projection.reset();

        assertThat(rows()).isEmpty();
    }

    private List<AssignmentUsage> usageOn(String day, LocalDate today) {
        return usage.list(new Scope(ORG, null), LocalDate.parse(day), today, firstPage()).items();
    }

    private List<AssignmentUsage> usageOn(Scope scope) {
        return usage.list(scope, LocalDate.parse(DAY_1), LATER, firstPage()).items();
    }

    private static PageRequest<AssignmentUsage> firstPage() {
        return new PageParameters(null, null, null, null).toRequest(UsageViewRepository.SORTING);
    }

    private static List<Map<String, Object>> rows() {
        return jdbc.sql("SELECT * FROM usage_view ORDER BY assignment_id, day").query().listOfRows();
    }

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }
}
