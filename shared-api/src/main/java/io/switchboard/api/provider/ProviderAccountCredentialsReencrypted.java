package io.switchboard.api.provider;

import org.axonframework.serialization.Revision;

/** SPEC §6, key rotation: the account's credentials are now encrypted under {@code keyId} instead of the previous key. */
@Revision("1")
public record ProviderAccountCredentialsReencrypted(String accountId, String orgId, String previousKeyId,
                                                    String keyId) implements ProviderAccountEvent {
}
