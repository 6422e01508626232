package io.switchboard.api.agent;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AgentRenamed(String agentId, String orgId, String name) implements AgentEvent {
}
