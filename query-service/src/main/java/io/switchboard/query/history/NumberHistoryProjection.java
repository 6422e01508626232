package io.switchboard.query.history;

import io.switchboard.api.assignment.AssignedToAgent;
import io.switchboard.api.assignment.AssignmentEvent;
import io.switchboard.api.assignment.AssignmentLimitsChanged;
import io.switchboard.api.assignment.UnassignedFromAgent;
import io.switchboard.api.number.PhoneNumberEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import io.switchboard.query.sql.ProjectionWrites;
import org.springframework.stereotype.Component;

/**
 * Indexes, per phone number, the positions of the events that are not calls: the number's own and its assignments'
 * lifecycle ({@code number_history}). Calls (CallCounted, CallRefused) are not indexed: they are most of the event
 * store, and each assignment's stream already holds them in order. A row is keyed by number and position, so an
 * event delivered twice changes nothing.
 */
@Component
@ProcessingGroup(NumberHistoryProjection.PROCESSING_GROUP)
public class NumberHistoryProjection {

    public static final String PROCESSING_GROUP = "number-history";

    private static final String INSERT = """
            INSERT INTO number_history (number_id, position, aggregate_id, sequence_number, org_id)
            VALUES (:numberId, :position, :aggregateId, :sequenceNumber, :orgId)
            ON CONFLICT (number_id, position) DO NOTHING""";

    private final ProjectionWrites writes;

    public NumberHistoryProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    /** Every event of the PhoneNumber aggregate, whichever org holds it (R4: one stream across holders). */
    @EventHandler
    public void on(PhoneNumberEvent event, @SequenceNumber long sequence, TrackingToken token) {
        insert(event.numberId(), event.numberId(), event.orgId(), sequence, token);
    }

    @EventHandler
    public void on(AssignedToAgent event, @SequenceNumber long sequence, TrackingToken token) {
        assignment(event, sequence, token);
    }

    @EventHandler
    public void on(AssignmentLimitsChanged event, @SequenceNumber long sequence, TrackingToken token) {
        assignment(event, sequence, token);
    }

    @EventHandler
    public void on(UnassignedFromAgent event, @SequenceNumber long sequence, TrackingToken token) {
        assignment(event, sequence, token);
    }

    @ResetHandler
    public void reset() {
        writes.now("TRUNCATE number_history");
    }

    private void assignment(AssignmentEvent event, long sequence, TrackingToken token) {
        insert(event.numberId(), event.assignmentId(), event.orgId(), sequence, token);
    }

    private void insert(String numberId, String aggregateId, String orgId, long sequence, TrackingToken token) {
        long position = position(token);
        writes.sql("number_history:" + numberId + "@" + position, INSERT)
                .param("numberId", numberId)
                .param("position", position)
                .param("aggregateId", aggregateId)
                .param("sequenceNumber", sequence)
                .param("orgId", orgId)
                .update();
    }

    /** The event's global index; during a replay the token wraps it, and its position is still the event's. */
    static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("a tracking token without a position"));
    }
}
