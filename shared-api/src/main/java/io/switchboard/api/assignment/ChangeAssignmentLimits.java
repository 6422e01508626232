package io.switchboard.api.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Set;

/** R13: new daily limit and allowed destination countries while assigned. */
public record ChangeAssignmentLimits(
        @TargetAggregateIdentifier String assignmentId,
        String orgId,
        int dailyLimit,
        Set<String> allowedCountries,
        @TargetAggregateVersion Long expectedVersion) {
}
