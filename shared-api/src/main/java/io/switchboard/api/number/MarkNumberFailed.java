package io.switchboard.api.number;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** R6: the number is in ERROR, e.g. its provider's verification failed. */
public record MarkNumberFailed(
        @TargetAggregateIdentifier String numberId,
        String orgId,
        String reason) {
}
