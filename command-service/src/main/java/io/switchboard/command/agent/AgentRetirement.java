package io.switchboard.command.agent;

import io.switchboard.api.agent.RetireAgent;
import io.switchboard.api.assignment.UnassignReason;
import io.switchboard.command.assignment.Assignments;
import io.switchboard.command.registry.Registry;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.springframework.stereotype.Component;

/**
 * R2: retiring an agent ends all of its assignments, atomically: the agent's event and every
 * UnassignedFromAgent are stored in one transaction, so no number stays assigned to a retired agent.
 */
@Component
class AgentRetirement {

    private final Configuration axon;
    private final Registry registry;
    private final Assignments assignments;

    AgentRetirement(Configuration axon, Registry registry, Assignments assignments) {
        this.axon = axon;
        this.registry = registry;
        this.assignments = assignments;
    }

    @CommandHandler
    void handle(RetireAgent command) {
        registry.lockAgent(command.agentId());
        axon.repository(Agent.class).load(command.agentId(), command.expectedVersion())
                .execute(agent -> agent.retire(command));
        registry.lockAssignmentsOf(command.agentId())
                .forEach(assignmentId -> assignments.end(assignmentId, UnassignReason.AGENT_RETIRED));
    }
}
