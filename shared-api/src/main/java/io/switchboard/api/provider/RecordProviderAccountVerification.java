package io.switchboard.api.provider;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * R6, SPEC §6: what the provider answered when the account's credentials were checked at {@code checkedAt}:
 * accepted ({@code failureReason} null) or refused with the provider's reason.
 */
public record RecordProviderAccountVerification(
        @TargetAggregateIdentifier String accountId,
        String orgId,
        Instant checkedAt,
        String failureReason) {

    public static final int MAX_REASON_LENGTH = 256;
}
