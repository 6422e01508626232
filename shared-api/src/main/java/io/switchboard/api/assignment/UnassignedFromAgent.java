package io.switchboard.api.assignment;

import org.axonframework.serialization.Revision;

@Revision("1")
public record UnassignedFromAgent(
        String assignmentId,
        String numberId,
        String orgId,
        String agentId,
        UnassignReason reason) implements AssignmentEvent {
}
