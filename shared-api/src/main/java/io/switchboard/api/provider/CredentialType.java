package io.switchboard.api.provider;

/** Which kind of secret a provider account holds (SPEC §6): one auth token, or an API key with its secret. */
public enum CredentialType {
    TOKEN, API_KEY
}
