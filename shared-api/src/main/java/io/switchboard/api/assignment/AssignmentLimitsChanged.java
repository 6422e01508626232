package io.switchboard.api.assignment;

import org.axonframework.serialization.Revision;

import java.util.Set;

@Revision("1")
public record AssignmentLimitsChanged(
        String assignmentId,
        String numberId,
        String orgId,
        int dailyLimit,
        Set<String> allowedCountries) implements AssignmentEvent {
}
