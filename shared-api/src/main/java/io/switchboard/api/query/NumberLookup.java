package io.switchboard.api.query;

/**
 * Whether the caller's org holds a number and, if it does, which number id, owner and agent. A number held by
 * another org answers only {@code heldByYourOrg = false}: who holds it is that org's business.
 */
public record NumberLookup(String e164, boolean heldByYourOrg, String numberId, String ownerUserId,
                           AgentRef agent) {
}
