package io.switchboard.command.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.provider.CredentialType;

import java.io.IOException;

/**
 * What is encrypted for a provider account: the provider's own account id (e.g. Twilio Account SID, a credential
 * too per SPEC §6) and either a token or an API key with its secret. Plaintext lives only between the HTTP edge
 * and the cipher; {@link #toString()} masks every member.
 */
record ProviderSecrets(String providerAccountId, String token, String apiKey, String apiSecret) {

    private static final ObjectMapper JSON = new ObjectMapper();

    CredentialType type() {
        return token != null ? CredentialType.TOKEN : CredentialType.API_KEY;
    }

    byte[] encode() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode provider secrets");
        }
    }

    static ProviderSecrets decode(byte[] plaintext) {
        try {
            return JSON.readValue(plaintext, ProviderSecrets.class);
        } catch (IOException e) {
            // the message could quote the plaintext: say nothing of it
            throw new IllegalStateException("decrypted provider secrets are not in the expected form");
        }
    }

    @Override
    public String toString() {
        return "ProviderSecrets[providerAccountId=" + Masking.mask(providerAccountId) + ", token="
                + Masking.mask(token) + ", apiKey=" + Masking.mask(apiKey) + ", apiSecret=" + Masking.mask(apiSecret)
                + "]";
    }
}
