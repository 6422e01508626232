package io.switchboard.command.provider;

import io.switchboard.api.common.Provider;
import io.switchboard.api.provider.CredentialType;
import io.switchboard.api.provider.ProviderAccountVerification;
import io.switchboard.api.provider.SealedCredentials;

import java.util.Optional;

/**
 * Where a provider account's encrypted credentials are kept: a row written, rewritten or deleted by the
 * account's command handlers in the transaction that stores their event, so the row and the history never
 * disagree, and no secret ever has to travel in an event.
 */
interface CredentialVault {

    /** The row of a new account; refuses credentials that do not authenticate for this account. */
    void store(String accountId, String orgId, Provider provider, String label, CredentialType type,
               SealedCredentials credentials, String createdBy);

    /** Deletes the account's row: the only copy of its ciphertext in the live database. */
    void shred(String accountId);

    /** Encrypts the row again under the active key, unless it is already under it; the key change, if any. */
    Optional<KeyChange> reencrypt(String accountId);

    /** R6: the latest check of the account's credentials against its provider. */
    void recordVerification(String accountId, ProviderAccountVerification verification);

    record KeyChange(String previousKeyId, String keyId) {
    }
}
