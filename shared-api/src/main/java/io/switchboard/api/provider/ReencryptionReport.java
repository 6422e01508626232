package io.switchboard.api.provider;

/**
 * What a rotation run did: how many accounts it encrypted again under {@code activeKeyId}, how many it could not
 * (their key is missing, or their ciphertext does not authenticate), and how many are still under another key.
 */
public record ReencryptionReport(String activeKeyId, long reencrypted, long failed, long remaining) {
}
