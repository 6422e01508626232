package io.switchboard.api.agent;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AgentRegistered(String agentId, String orgId, String ownerUserId, String clientId, String name)
        implements AgentEvent {
}
