package io.switchboard.api.agent;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** R1: register a voice agent of an org, owned by one of its users. */
public record RegisterAgent(
        @TargetAggregateIdentifier String agentId,
        String orgId,
        String ownerUserId,
        String clientId,
        String name) {
}
