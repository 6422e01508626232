package io.switchboard.api.provider;

import io.switchboard.api.common.Provider;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * SPEC §6: keep a provider account's credentials for an org. The secrets arrive already sealed to
 * {@code accountId}; the handler stores them beside the event, which carries none of them. {@code registeredBy}
 * is the acting user.
 */
public record RegisterProviderAccount(
        @TargetAggregateIdentifier String accountId,
        String orgId,
        Provider provider,
        String label,
        CredentialType credentialType,
        SealedCredentials credentials,
        String registeredBy) {

    public static final int MAX_LABEL_LENGTH = 64;
}
