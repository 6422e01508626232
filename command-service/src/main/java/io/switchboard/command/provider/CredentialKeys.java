package io.switchboard.command.provider;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The configured AES-256 keys by id, checked once at startup: the service does not start without an active key,
 * nor with any key that is not exactly 32 bytes. Error messages name keys by id only, never by value.
 */
final class CredentialKeys {

    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{1,32}");
    static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    private CredentialKeys(Map<String, SecretKey> keys, String activeKeyId) {
        this.keys = Map.copyOf(keys);
        this.activeKeyId = activeKeyId;
    }

    static CredentialKeys from(CredentialProperties properties) {
        Map<String, SecretKey> keys = new HashMap<>();
        properties.keys().forEach((id, encoded) -> {
            if (encoded == null || encoded.isBlank()) {
                return; // an empty environment variable means "not configured"
            }
            String keyId = keyId(id, "switchboard.credentials.keys." + id);
            keys.put(keyId, new SecretKeySpec(decode(keyId, encoded.trim()), "AES"));
        });
        if (properties.activeKey() == null) {
            throw new IllegalStateException("switchboard.credentials.active-key is not set. Provider credentials are"
                    + " encrypted at rest (AES-256-GCM) and the command service does not start without a key: set"
                    + " SWITCHBOARD_CREDENTIALS_ACTIVE_KEY=<key id> and SWITCHBOARD_CREDENTIALS_KEYS_<KEY ID>=<base64"
                    + " of 32 random bytes, e.g. from 'openssl rand -base64 32'>");
        }
        String active = keyId(properties.activeKey(), "switchboard.credentials.active-key");
        if (!keys.containsKey(active)) {
            throw new IllegalStateException("switchboard.credentials.active-key is '" + active + "', but no key '"
                    + active + "' is configured: set SWITCHBOARD_CREDENTIALS_KEYS_" + active.toUpperCase(Locale.ROOT)
                    + "=<base64 of 32 random bytes> (keys configured: " + new TreeSet<>(keys.keySet()) + ")");
        }
        return new CredentialKeys(keys, active);
    }

    private static String keyId(String id, String property) {
        String normalized = id.trim().toLowerCase(Locale.ROOT);
        if (!KEY_ID.matcher(normalized).matches()) {
            throw new IllegalStateException(property + ": '" + id + "' is not a valid key id: use 1 to 32 letters"
                    + " and digits (an environment variable name can carry nothing else)");
        }
        return normalized;
    }

    private static byte[] decode(String keyId, String encoded) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException notStandard) {
            try {
                key = Base64.getUrlDecoder().decode(encoded);
            } catch (IllegalArgumentException notUrlSafe) {
                throw new IllegalStateException("switchboard.credentials.keys." + keyId + " is not base64: give"
                        + " the base64 of 32 random bytes (e.g. 'openssl rand -base64 32')");
            }
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("switchboard.credentials.keys." + keyId + " is not a 256-bit AES key:"
                    + " it decodes to " + key.length + " bytes, it must be exactly " + KEY_BYTES);
        }
        return key;
    }

    String activeKeyId() {
        return activeKeyId;
    }

    SecretKey active() {
        return keys.get(activeKeyId);
    }

    Optional<SecretKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    @Override
    public String toString() {
        return "CredentialKeys[" + new TreeSet<>(keys.keySet()) + ", active " + activeKeyId + "]";
    }
}
