package io.switchboard.command.provider;

import io.switchboard.api.common.Provider;
import io.switchboard.api.provider.CredentialType;
import io.switchboard.api.provider.ProviderAccountVerification;
import io.switchboard.api.provider.SealedCredentials;

import java.time.Instant;

/** One row of {@code provider_credential}: the account's facts, its still-encrypted credentials, its last check. */
record StoredAccount(String accountId, String orgId, Provider provider, String label, CredentialType type,
                     SealedCredentials credentials, Instant createdAt, String createdBy,
                     ProviderAccountVerification verification) {
}
