package io.switchboard.command.provider;

/**
 * Stored credentials that cannot be decrypted: their key is not configured, or the ciphertext, its nonce or the
 * row it belongs to were altered (GCM authenticates all three). The message names the account and key id only.
 */
public class CredentialsUnreadableException extends RuntimeException {

    CredentialsUnreadableException(String accountId, String keyId, String why) {
        super("the credentials of provider account " + accountId + " under key '" + keyId + "' cannot be"
                + " decrypted: " + why, null, false, false);
    }
}
