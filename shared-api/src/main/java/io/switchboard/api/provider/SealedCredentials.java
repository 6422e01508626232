package io.switchboard.api.provider;

import java.util.Arrays;
import java.util.Objects;

/**
 * A provider account's secrets after encryption (SPEC §6): AES-256-GCM under the key {@code keyId}, with a fresh
 * 96-bit {@code nonce} and the account id as associated data; {@code ciphertext} ends with the 128-bit tag.
 * Only this ever travels in a command: the plaintext never leaves the HTTP edge, and none of it is in an event.
 */
public record SealedCredentials(String keyId, byte[] nonce, byte[] ciphertext) {

    public SealedCredentials {
        Objects.requireNonNull(keyId, "keyId");
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedCredentials that && keyId.equals(that.keyId)
                && Arrays.equals(nonce, that.nonce) && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, Arrays.hashCode(nonce), Arrays.hashCode(ciphertext));
    }

    @Override
    public String toString() {
        return "SealedCredentials[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
    }
}
