package io.switchboard.api.assignment;

import org.axonframework.serialization.Revision;

/** R15: the call counts against the assignment's limit for {@code day} (org-local, YYYY-MM-DD). */
@Revision("1")
public record CallCounted(
        String assignmentId,
        String numberId,
        String orgId,
        String agentId,
        String callId,
        String destination,
        String destinationCountry,
        String day,
        int callsThatDay,
        int dailyLimit) implements AssignmentEvent {
}
