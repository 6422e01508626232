package io.switchboard.command.provider;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * The keys provider credentials are encrypted with ({@code switchboard.credentials.*}): each key by its id,
 * base64 of 32 random bytes ({@code SWITCHBOARD_CREDENTIALS_KEYS_<ID>}), the id new encryptions use
 * ({@code SWITCHBOARD_CREDENTIALS_ACTIVE_KEY}), and how many accounts a rotation run reads at a time. Key ids are
 * letters and digits, compared without case (an environment variable can carry nothing else). Validated by
 * {@link CredentialKeys}; this record never prints a key.
 */
@ConfigurationProperties("switchboard.credentials")
public record CredentialProperties(Map<String, String> keys, String activeKey, Integer reencryptBatchSize) {

    public CredentialProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        activeKey = activeKey == null || activeKey.isBlank() ? null : activeKey.trim();
        reencryptBatchSize = reencryptBatchSize == null ? 100 : reencryptBatchSize;
    }

    @Override
    public String toString() {
        return "CredentialProperties[keys=" + keys.keySet() + ", activeKey=" + activeKey
                + ", reencryptBatchSize=" + reencryptBatchSize + "]";
    }
}
