package io.switchboard.api.agent;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AgentRetired(String agentId, String orgId) implements AgentEvent {
}
