package io.switchboard.api.number;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** R7: change details; null members stay as they are. */
public record ChangeNumberDetails(
        @TargetAggregateIdentifier String numberId,
        String orgId,
        NumberDetails change,
        @TargetAggregateVersion Long expectedVersion) {
}
