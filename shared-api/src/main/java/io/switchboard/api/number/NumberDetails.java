package io.switchboard.api.number;

import io.switchboard.api.common.Capability;

import java.util.Map;
import java.util.Set;

/**
 * The changeable details of a number (R5, R7). In a change, a null member means "leave as it is"; an empty
 * label or webhook URL clears it.
 */
public record NumberDetails(
        String label,
        Set<Capability> capabilities,
        Map<String, String> metadata,
        String webhookUrl,
        Map<String, String> providerRefs,
        Map<String, String> platformRefs) {

    public static final int MAX_LABEL_LENGTH = 64;
    public static final int MAX_METADATA_ENTRIES = 32;
    public static final int MAX_METADATA_KEY_LENGTH = 64;
    public static final int MAX_METADATA_VALUE_LENGTH = 512;
    public static final int MAX_REFS = 16;
    public static final int MAX_WEBHOOK_URL_LENGTH = 2048;

    public static NumberDetails empty() {
        return new NumberDetails(null, Set.of(), Map.of(), null, Map.of(), Map.of());
    }

    /** These details with every non-null member of {@code change} applied. */
    public NumberDetails with(NumberDetails change) {
        return new NumberDetails(
                change.label != null ? blankToNull(change.label) : label,
                change.capabilities != null ? change.capabilities : capabilities,
                change.metadata != null ? change.metadata : metadata,
                change.webhookUrl != null ? blankToNull(change.webhookUrl) : webhookUrl,
                change.providerRefs != null ? change.providerRefs : providerRefs,
                change.platformRefs != null ? change.platformRefs : platformRefs);
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
