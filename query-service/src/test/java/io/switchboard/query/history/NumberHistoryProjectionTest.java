package io.switchboard.query.history;

import io.switchboard.api.assignment.AssignmentLimitsChanged;
import io.switchboard.api.assignment.UnassignReason;
import io.switchboard.api.assignment.UnassignedFromAgent;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.number.NumberDeactivated;
import io.switchboard.api.number.NumberReleased;
import io.switchboard.query.sql.ProjectionWrites;
import io.switchboard.query.testing.Databases;
import io.switchboard.query.testing.TestNumbers;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.switchboard.query.testing.Events.assigned;
import static io.switchboard.query.testing.Events.imported;
import static org.assertj.core.api.Assertions.assertThat;

/** Read side: given events, then the number-history index; the projection's handlers are called directly. */
class NumberHistoryProjectionTest {

    private static final String ORG = "org-a";
    private static final String OTHER_ORG = "org-b";

    private static JdbcClient jdbc;

    private static ProjectionWrites writes;

    private final E164Number number = TestNumbers.british();
    private final String numberId = number.numberId();
    private NumberHistoryProjection projection;

    @BeforeAll
    static void readModels() {
        jdbc = Databases.freshReadModels("number_history_projection_test");
        writes = Databases.writes("number_history_projection_test");
    }

    @BeforeEach
    void emptyReadModels() {
        projection = new NumberHistoryProjection(writes);
        projection.reset();
    }

    @Test
    @DisplayName("§5: a number's own events and its assignments' lifecycle are indexed by position, with their org")
    void given_events_then_indexed() {
        history().forEach(Runnable::run);

        assertThat(rows()).extracting(row -> row.get("position") + " " + row.get("aggregate_id") + " "
                        + row.get("sequence_number") + " " + row.get("org_id"))
                .containsExactly(
                        "10 " + numberId + " 0 " + ORG,
                        "11 asg-1 0 " + ORG,
                        "12 asg-1 1 " + ORG,
                        "14 asg-1 2 " + ORG,
                        "15 " + numberId + " 1 " + ORG,
                        "16 " + numberId + " 2 " + ORG,
                        "20 " + numberId + " 3 " + OTHER_ORG);
    }

    @Test
    @DisplayName("every event delivered a second time changes nothing")
    void given_history_when_delivered_again_then_nothing_changes() {
        history().forEach(Runnable::run);
        List<Map<String, Object>> once = rows();

        history().forEach(Runnable::run);

        assertThat(rows()).isEqualTo(once);
    }

    @Test
    @DisplayName("during a replay the position is the replayed event's, not the one the reset started from")
    void replayed_events_keep_their_positions() {
        TrackingToken replaying = ReplayToken.createReplayToken(at(500), at(9));

        projection.on(imported(number, ORG, "alice", Provider.TWILIO, null, null), 0, replaying);

        assertThat(rows()).singleElement().satisfies(row -> assertThat(row.get("position")).isEqualTo(9L));
    }

    @Test
    @DisplayName("reset empties the index, and may run again")
    void reset_is_repeatable() {
        history().forEach(Runnable::run);

        projection.reset();
        projection.reset();

        assertThat(rows()).isEmpty();
    }

    private List<Runnable> history() {
        return List.of(
                () -> projection.on(imported(number, ORG, "alice", Provider.TWILIO, null, null), 0, at(10)),
                () -> projection.on(assigned("asg-1", numberId, ORG, "agent-1"), 0, at(11)),
                () -> projection.on(new AssignmentLimitsChanged("asg-1", numberId, ORG, 5, Set.of("*")), 1, at(12)),
                () -> projection.on(new UnassignedFromAgent("asg-1", numberId, ORG, "agent-1",
                        UnassignReason.REQUESTED), 2, at(14)),
                () -> projection.on(new NumberDeactivated(numberId, ORG, "paused"), 1, at(15)),
                () -> projection.on(new NumberReleased(numberId, ORG, number.value()), 2, at(16)),
                () -> projection.on(imported(number, OTHER_ORG, "zed", Provider.TELNYX, null, null), 3, at(20)));
    }

    private static TrackingToken at(long position) {
        return new GapAwareTrackingToken(position, List.of());
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("SELECT * FROM number_history WHERE number_id = :numberId ORDER BY position")
                .param("numberId", numberId).query().listOfRows();
    }
}
