package io.switchboard.api.provider;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** R6, SPEC §6: the provider accepted the account's credentials at {@code verifiedAt}. */
@Revision("1")
public record ProviderAccountVerified(String accountId, String orgId, Instant verifiedAt)
        implements ProviderAccountEvent {
}
