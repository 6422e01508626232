package io.switchboard.api.assignment;

import org.axonframework.serialization.Revision;

/** R15: a call that was not counted, and why; recorded for audit. */
@Revision("1")
public record CallRefused(
        String assignmentId,
        String numberId,
        String orgId,
        String agentId,
        String callId,
        String destination,
        String destinationCountry,
        String day,
        CallRefusal reason) implements AssignmentEvent {
}
