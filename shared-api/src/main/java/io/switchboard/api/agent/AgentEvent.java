package io.switchboard.api.agent;

/** Everything that happens to an Agent. */
public sealed interface AgentEvent permits AgentRegistered, AgentRenamed, AgentRetired {

    String agentId();

    String orgId();
}
