package io.switchboard.command.assignment;

/** What assignment rules need to know of an agent. */
public record AgentFacts(String agentId, String orgId, String ownerUserId, boolean retired) {
}
