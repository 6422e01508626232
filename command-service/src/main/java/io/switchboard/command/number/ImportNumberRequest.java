package io.switchboard.command.number;

import io.switchboard.api.common.Capability;
import io.switchboard.api.common.Provider;
import io.switchboard.api.number.NumberDetails;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;
import java.util.Set;

/**
 * R3, R5. {@code number} as a person typed it; {@code defaultRegion} (ISO alpha-2) for numbers written without
 * +; {@code ownerUserId} defaults to the caller.
 */
record ImportNumberRequest(
        @NotBlank @Size(max = 64) String number,
        @Size(min = 2, max = 2) String defaultRegion,
        @NotNull Provider provider,
        @Size(min = 1, max = 128) String ownerUserId,
        @Size(min = 1, max = 128) String clientId,
        @Size(min = 1, max = 128) String credentialRef,
        @Size(max = NumberDetails.MAX_LABEL_LENGTH) String label,
        @Size(max = 4) Set<Capability> capabilities,
        @Size(max = NumberDetails.MAX_METADATA_ENTRIES) Map<String, String> metadata,
        @Size(max = NumberDetails.MAX_WEBHOOK_URL_LENGTH) String webhookUrl,
        @Size(max = NumberDetails.MAX_REFS) Map<String, String> providerRefs,
        @Size(max = NumberDetails.MAX_REFS) Map<String, String> platformRefs) {

    NumberDetails details() {
        return new NumberDetails(label, capabilities, metadata, webhookUrl, providerRefs, platformRefs);
    }
}
