package io.switchboard.api.provider;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * R6, SPEC §6: the provider refused the account's credentials at {@code failedAt}, for {@code reason} (the
 * provider's own words, e.g. "HTTP 401: Authenticate (Twilio error 20003)"; never a credential). The numbers that
 * name the account are marked ERROR with the same reason.
 */
@Revision("1")
public record ProviderAccountVerificationFailed(String accountId, String orgId, Instant failedAt, String reason)
        implements ProviderAccountEvent {
}
