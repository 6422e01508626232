package io.switchboard.api.number;

import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * R3-R5: bring a number under an org. {@code numberId} is {@code number.numberId()}; {@code importedBy} is the
 * acting user, recorded on the event.
 */
public record ImportNumber(
        @TargetAggregateIdentifier String numberId,
        String orgId,
        E164Number number,
        Provider provider,
        String ownerUserId,
        String clientId,
        String credentialRef,
        NumberDetails details,
        String importedBy) {
}
