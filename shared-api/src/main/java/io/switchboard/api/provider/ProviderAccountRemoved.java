package io.switchboard.api.provider;

import org.axonframework.serialization.Revision;

/** SPEC §6: the account is gone and its encrypted credentials were deleted in the same transaction. */
@Revision("1")
public record ProviderAccountRemoved(String accountId, String orgId) implements ProviderAccountEvent {
}
