package io.switchboard.api.provider;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** SPEC §6: forget a provider account; its encrypted credentials are deleted with it (crypto-shredding). */
public record RemoveProviderAccount(
        @TargetAggregateIdentifier String accountId,
        String orgId) {
}
