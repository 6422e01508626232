package io.switchboard.command.number;

import io.swagger.v3.oas.annotations.media.Schema;
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
 * +; {@code ownerUserId} defaults to the caller; {@code credentialRef}, optional, is the id of a provider account
 * of the caller's org at the same provider (SPEC §6, checked in the import's transaction).
 */
record ImportNumberRequest(
        @NotBlank @Size(max = 64) String number,
        @Size(min = 2, max = 2) String defaultRegion,
        @NotNull Provider provider,
        @Size(min = 1, max = 128) String ownerUserId,
        @Size(min = 1, max = 128) String clientId,
        @Schema(description = "the id of a provider account of your organization at the same provider"
                + " (POST /api/v1/provider-accounts), whose credentials the number uses; never a secret")
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
