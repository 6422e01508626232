package io.switchboard.api.number;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** R6: a person suspends the number. */
public record DeactivateNumber(
        @TargetAggregateIdentifier String numberId,
        String orgId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
