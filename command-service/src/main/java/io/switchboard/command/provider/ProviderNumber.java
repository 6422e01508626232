package io.switchboard.command.provider;

import io.switchboard.api.common.Capability;

import java.util.Map;
import java.util.Set;

/**
 * A number as the provider's account lists it: its E.164 form, its friendly name, what it can carry, and the
 * provider's own ids for it (for Twilio {@code twilioSid}, and {@code twilioTrunkSid} when it is on a SIP trunk).
 */
public record ProviderNumber(String e164, String friendlyName, Set<Capability> capabilities,
                             Map<String, String> providerRefs) {
}
