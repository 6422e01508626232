package io.switchboard.command.agent;

import io.switchboard.api.agent.AgentRegistered;
import io.switchboard.api.agent.AgentRenamed;
import io.switchboard.api.agent.AgentRetired;
import io.switchboard.api.agent.RegisterAgent;
import io.switchboard.api.agent.RenameAgent;
import io.switchboard.api.common.ErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.switchboard.command.shared.Refusals.refusedWith;

class AgentTest {

    private static final AgentRegistered REGISTERED = new AgentRegistered("agent-1", "org-a", "alice", null, "Sales bot");

    private FixtureConfiguration<Agent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agent.class);
    }

    @Test
    @DisplayName("R1: an agent is registered with its org, owner and a trimmed name")
    void register() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgent("agent-1", "org-a", "alice", null, "  Sales bot "))
                .expectEvents(REGISTERED);
    }

    @Test
    @DisplayName("R1: an agent needs a name")
    void nameIsRequired() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgent("agent-1", "org-a", "alice", null, " "))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R1: an agent can be renamed; the same name again writes nothing")
    void rename() {
        fixture.given(REGISTERED)
                .when(new RenameAgent("agent-1", "org-a", "Support bot", null))
                .expectEvents(new AgentRenamed("agent-1", "org-a", "Support bot"));
        fixture.given(REGISTERED)
                .when(new RenameAgent("agent-1", "org-a", "Sales bot", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("R1: a retired agent cannot be renamed")
    void retiredAgentCannotBeRenamed() {
        fixture.given(REGISTERED, new AgentRetired("agent-1", "org-a"))
                .when(new RenameAgent("agent-1", "org-a", "Support bot", null))
                .expectException(refusedWith(ErrorCode.AGENT_RETIRED))
                .expectNoEvents();
    }

    @Test
    @DisplayName("Tenancy: another org's agent does not exist for the caller")
    void otherOrgSeesNothing() {
        fixture.given(REGISTERED)
                .when(new RenameAgent("agent-1", "org-b", "Mine now", null))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }
}
