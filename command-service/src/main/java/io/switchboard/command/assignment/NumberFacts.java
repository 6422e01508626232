package io.switchboard.command.assignment;

import io.switchboard.api.number.NumberStatus;

/** What assignment rules need to know of a number; {@code assignmentId} is null when it is unassigned. */
public record NumberFacts(String numberId, String orgId, String ownerUserId, NumberStatus status, String country,
                          boolean held, String assignmentId, String agentId) {

    public boolean heldBy(String org) {
        return held && orgId.equals(org);
    }
}
