package io.switchboard.api.agent;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** R1: give an agent a new name. */
public record RenameAgent(
        @TargetAggregateIdentifier String agentId,
        String orgId,
        String name,
        @TargetAggregateVersion Long expectedVersion) {
}
