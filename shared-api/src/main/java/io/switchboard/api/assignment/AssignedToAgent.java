package io.switchboard.api.assignment;

import org.axonframework.serialization.Revision;

import java.util.Set;

/** R10: {@code allowedCountries} holds ISO alpha-2 codes, or only "*" for any country. */
@Revision("1")
public record AssignedToAgent(
        String assignmentId,
        String numberId,
        String orgId,
        String agentId,
        int dailyLimit,
        Set<String> allowedCountries) implements AssignmentEvent {
}
