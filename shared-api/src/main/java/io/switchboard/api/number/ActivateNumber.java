package io.switchboard.api.number;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** R6 */
public record ActivateNumber(
        @TargetAggregateIdentifier String numberId,
        String orgId,
        @TargetAggregateVersion Long expectedVersion) {
}
