package io.switchboard.api.provider;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * SPEC §6, key rotation: encrypt the account's credentials again under the active key, when they are under
 * another one. A platform operation, not bound to an org.
 */
public record ReencryptProviderAccountCredentials(@TargetAggregateIdentifier String accountId) {
}
