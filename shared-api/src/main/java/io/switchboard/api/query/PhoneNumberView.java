package io.switchboard.api.query;

import io.switchboard.api.common.Capability;
import io.switchboard.api.common.NumberType;
import io.switchboard.api.common.Provider;
import io.switchboard.api.number.NumberStatus;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A held phone number as its org sees it. {@code version} is the PhoneNumber aggregate's version (use it in
 * {@code If-Match}); {@code agent} and {@code assignment} are null while the number is not assigned.
 */
public record PhoneNumberView(
        String id,
        String orgId,
        String ownerUserId,
        String clientId,
        String e164,
        String country,
        NumberType numberType,
        Provider provider,
        String label,
        Set<Capability> capabilities,
        Map<String, String> metadata,
        Map<String, String> providerRefs,
        Map<String, String> platformRefs,
        String webhookUrl,
        NumberStatus status,
        String statusReason,
        Instant importedAt,
        Instant updatedAt,
        long version,
        AgentRef agent,
        NumberAssignment assignment) {
}
