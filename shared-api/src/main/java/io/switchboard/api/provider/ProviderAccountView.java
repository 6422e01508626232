package io.switchboard.api.provider;

import io.switchboard.api.common.Provider;

import java.time.Instant;

/**
 * One provider account as the API shows it (SPEC §6): the provider's account id and the secrets only masked
 * ({@code ••••1234}: the last four characters of a value of at least 12, nothing of a shorter one). The member
 * of the other credential type is null. When the stored credentials cannot be decrypted (their key is not
 * configured, or the ciphertext was altered) {@code credentialsReadable} is false and the masked members are null.
 * {@code verification} is the latest check of the credentials against the provider (R6).
 */
public record ProviderAccountView(
        String id,
        Provider provider,
        String label,
        String providerAccountId,
        CredentialType credentialType,
        String token,
        String apiKey,
        String apiSecret,
        boolean credentialsReadable,
        String keyId,
        Instant createdAt,
        String createdBy,
        ProviderAccountVerification verification) {
}
