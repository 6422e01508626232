package io.switchboard.command.provider;

import io.switchboard.api.provider.SealedCredentials;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * AES-256-GCM (JDK {@code javax.crypto}) for provider credentials (SPEC §6): a fresh random 96-bit nonce for every
 * encryption, a 128-bit tag, and the provider account's id as associated data, so a ciphertext copied onto
 * another account's row does not decrypt. Each sealed value names the key it was made with, for rotation.
 */
final class CredentialCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] FINGERPRINT_LABEL =
            "switchboard provider-credential request fingerprint v1".getBytes(StandardCharsets.UTF_8);

    private final CredentialKeys keys;
    private final SecureRandom random = new SecureRandom();

    CredentialCipher(CredentialKeys keys) {
        this.keys = keys;
    }

    String activeKeyId() {
        return keys.activeKeyId();
    }

    /** Encrypts under the active key, bound to {@code accountId}. */
    SealedCredentials seal(String accountId, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.active(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(accountId));
            return new SealedCredentials(keys.activeKeyId(), nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Decrypts, with the key the value names; refuses anything that does not authenticate for {@code accountId}. */
    byte[] open(String accountId, SealedCredentials sealed) {
        SecretKey key = keys.key(sealed.keyId()).orElseThrow(() -> new CredentialsUnreadableException(accountId,
                sealed.keyId(), "that key is not configured"));
        byte[] nonce = sealed.nonce();
        if (nonce.length != NONCE_BYTES) {
            throw new CredentialsUnreadableException(accountId, sealed.keyId(), "the nonce is not 96 bits");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(accountId));
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new CredentialsUnreadableException(accountId, sealed.keyId(),
                    "the ciphertext does not authenticate (altered, or not this account's)");
        } catch (GeneralSecurityException e) {
            throw new CredentialsUnreadableException(accountId, sealed.keyId(), e.getClass().getSimpleName());
        }
    }

    /**
     * A keyed digest of a secret (HMAC-SHA256 under a key derived from the active key), so that a request's
     * idempotency hash can tell two secrets apart without the database holding anything a guess could be checked
     * against offline.
     */
    String fingerprint(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(keys.active());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derive.doFinal(FINGERPRINT_LABEL), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] associatedData(String accountId) {
        return ("provider-account:" + accountId).getBytes(StandardCharsets.UTF_8);
    }
}
