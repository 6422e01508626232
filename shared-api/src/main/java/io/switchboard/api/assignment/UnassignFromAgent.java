package io.switchboard.api.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** R13: end the assignment. */
public record UnassignFromAgent(
        @TargetAggregateIdentifier String assignmentId,
        String orgId,
        @TargetAggregateVersion Long expectedVersion) {
}
