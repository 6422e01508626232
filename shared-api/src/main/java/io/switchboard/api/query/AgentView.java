package io.switchboard.api.query;

import java.time.Instant;

/** A voice agent (R1) with the number of held numbers currently assigned to it. */
public record AgentView(
        String id,
        String orgId,
        String ownerUserId,
        String clientId,
        String name,
        boolean retired,
        Instant registeredAt,
        Instant updatedAt,
        long version,
        long assignedNumbers) {
}
