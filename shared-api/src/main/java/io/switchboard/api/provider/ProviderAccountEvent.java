package io.switchboard.api.provider;

/**
 * Everything that happens to a provider account. No member of any of these ever holds a secret, nor the
 * provider's account id (SID), not even masked: SPEC §6 treats both as credentials.
 */
public sealed interface ProviderAccountEvent permits ProviderAccountRegistered, ProviderAccountRemoved,
        ProviderAccountCredentialsReencrypted, ProviderAccountVerified, ProviderAccountVerificationFailed {

    String accountId();

    String orgId();
}
