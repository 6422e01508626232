package io.switchboard.command.number;

import io.switchboard.api.common.Capability;
import io.switchboard.api.number.NumberDetails;
import jakarta.validation.constraints.Size;

import java.util.Map;
import java.util.Set;

/** R7: absent members stay as they are; an empty label or webhook URL clears it. */
record ChangeDetailsRequest(
        @Size(max = NumberDetails.MAX_LABEL_LENGTH) String label,
        @Size(max = 4) Set<Capability> capabilities,
        @Size(max = NumberDetails.MAX_METADATA_ENTRIES) Map<String, String> metadata,
        @Size(max = NumberDetails.MAX_WEBHOOK_URL_LENGTH) String webhookUrl,
        @Size(max = NumberDetails.MAX_REFS) Map<String, String> providerRefs,
        @Size(max = NumberDetails.MAX_REFS) Map<String, String> platformRefs) {

    NumberDetails change() {
        return new NumberDetails(label, capabilities, metadata, webhookUrl, providerRefs, platformRefs);
    }
}
