package io.switchboard.api.number;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** R9: give the number up; it must be unassigned first. */
public record ReleaseNumber(
        @TargetAggregateIdentifier String numberId,
        String orgId,
        @TargetAggregateVersion Long expectedVersion) {
}
