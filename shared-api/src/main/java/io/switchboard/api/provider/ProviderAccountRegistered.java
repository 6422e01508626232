package io.switchboard.api.provider;

import io.switchboard.api.common.Provider;
import org.axonframework.serialization.Revision;

/**
 * SPEC §6: an org keeps the credentials of an account at {@code provider}; numbers may name it by
 * {@code accountId} (their {@code credentialRef}). {@code keyId} names the encryption key, not the key.
 */
@Revision("1")
public record ProviderAccountRegistered(
        String accountId,
        String orgId,
        Provider provider,
        String label,
        CredentialType credentialType,
        String keyId) implements ProviderAccountEvent {
}
