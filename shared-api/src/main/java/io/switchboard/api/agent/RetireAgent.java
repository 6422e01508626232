package io.switchboard.api.agent;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** R1, R2: retire an agent; its assignments end with it. */
public record RetireAgent(
        @TargetAggregateIdentifier String agentId,
        String orgId,
        @TargetAggregateVersion Long expectedVersion) {
}
