package io.switchboard.api.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * R10-R12: let an agent use a number. A null {@code dailyLimit} means the default
 * ({@value #DEFAULT_DAILY_LIMIT}); null {@code allowedCountries} means the number's own country.
 */
public record AssignToAgent(
        @TargetAggregateIdentifier String assignmentId,
        String numberId,
        String orgId,
        String agentId,
        Integer dailyLimit,
        Set<String> allowedCountries) {

    public static final int DEFAULT_DAILY_LIMIT = 100;
    public static final int MAX_DAILY_LIMIT = 1_000_000;
}
