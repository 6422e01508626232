package io.switchboard.command.agent;

import io.switchboard.api.agent.AgentRegistered;
import io.switchboard.api.agent.AgentRenamed;
import io.switchboard.api.agent.AgentRetired;
import io.switchboard.api.agent.RegisterAgent;
import io.switchboard.api.agent.RenameAgent;
import io.switchboard.api.agent.RetireAgent;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.command.shared.Refusal;
import io.switchboard.command.shared.Tenancy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** R1, R2: a voice agent of an org. */
@Aggregate
class Agent {

    @AggregateIdentifier
    private String agentId;
    private String orgId;
    private String name;
    private boolean retired;

    Agent() {
        // for Axon
    }

    @CommandHandler
    Agent(RegisterAgent command) {
        apply(new AgentRegistered(command.agentId(), command.orgId(), command.ownerUserId(), command.clientId(),
                AgentName.require(command.name())));
    }

    @CommandHandler
    void handle(RenameAgent command) {
        Tenancy.requireSameOrg(orgId, command.orgId(), "agent");
        if (retired) {
            throw new Refusal(ErrorCode.AGENT_RETIRED, "a retired agent cannot be renamed");
        }
        String newName = AgentName.require(command.name());
        if (!newName.equals(name)) {
            apply(new AgentRenamed(agentId, orgId, newName));
        }
    }

    /** R2: the caller ends the agent's assignments in the same transaction ({@link AgentRetirement}). */
    void retire(RetireAgent command) {
        Tenancy.requireSameOrg(orgId, command.orgId(), "agent");
        if (!retired) {
            apply(new AgentRetired(agentId, orgId));
        }
    }

    @EventSourcingHandler
    void on(AgentRegistered event) {
        agentId = event.agentId();
        orgId = event.orgId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(AgentRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(AgentRetired event) {
        retired = true;
    }
}
