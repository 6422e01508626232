package io.switchboard.api.number;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** R8: give the number to another user of the same org. */
public record TransferNumber(
        @TargetAggregateIdentifier String numberId,
        String orgId,
        String newOwnerUserId,
        @TargetAggregateVersion Long expectedVersion) {
}
