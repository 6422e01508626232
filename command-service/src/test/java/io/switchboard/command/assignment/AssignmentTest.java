package io.switchboard.command.assignment;

import io.switchboard.api.assignment.AssignToAgent;
import io.switchboard.api.assignment.AssignedToAgent;
import io.switchboard.api.assignment.AssignmentLimitsChanged;
import io.switchboard.api.assignment.ChangeAssignmentLimits;
import io.switchboard.api.assignment.UnassignFromAgent;
import io.switchboard.api.assignment.UnassignReason;
import io.switchboard.api.assignment.UnassignedFromAgent;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.number.NumberStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.switchboard.command.shared.Refusals.refusedWith;

class AssignmentTest {

    private static final AssignedToAgent ASSIGNED =
            new AssignedToAgent("asg-1", "num-1", "org-a", "agent-1", 100, Set.of("GB"));

    private final Map<String, NumberFacts> numbers = new HashMap<>();
    private final Map<String, AgentFacts> agents = new HashMap<>();
    private Integer maxNumbersPerAgent;
    private int agentNumbers;
    private FixtureConfiguration<Assignment> fixture;

    @BeforeEach
    void setUp() {
        numbers.put("num-1", new NumberFacts("num-1", "org-a", "alice", NumberStatus.ACTIVE, "GB", true, null, null));
        agents.put("agent-1", new AgentFacts("agent-1", "org-a", "alice", false));
        fixture = new AggregateTestFixture<>(Assignment.class);
        fixture.registerInjectableResource(new AssignmentFacts() {
            public Optional<NumberFacts> lockNumber(String numberId) {
                return Optional.ofNullable(numbers.get(numberId));
            }

            public Optional<AgentFacts> lockAgent(String agentId) {
                return Optional.ofNullable(agents.get(agentId));
            }

            public int numbersAssignedTo(String agentId) {
                return agentNumbers;
            }

            public Optional<Integer> maxNumbersPerAgent(String orgId) {
                return Optional.ofNullable(maxNumbersPerAgent);
            }
        });
    }

    private static AssignToAgent assign(String agentId) {
        return new AssignToAgent("asg-1", "num-1", "org-a", agentId, null, null);
    }

    @Test
    @DisplayName("R10: an assignment defaults to 100 calls a day to the number's own country")
    void defaults() {
        fixture.givenNoPriorActivity().when(assign("agent-1")).expectEvents(ASSIGNED);
    }

    @Test
    @DisplayName("R10: '*' allows every destination country")
    void anyCountry() {
        fixture.givenNoPriorActivity()
                .when(new AssignToAgent("asg-1", "num-1", "org-a", "agent-1", 25, Set.of("*", "us")))
                .expectEvents(new AssignedToAgent("asg-1", "num-1", "org-a", "agent-1", 25, Set.of("*")));
    }

    @Test
    @DisplayName("R10: a number already assigned to an agent cannot be assigned again")
    void atMostOneAgent() {
        numbers.put("num-1", new NumberFacts("num-1", "org-a", "alice", NumberStatus.ACTIVE, "GB", true, "asg-0",
                "agent-0"));
        fixture.givenNoPriorActivity().when(assign("agent-1"))
                .expectException(refusedWith(ErrorCode.ALREADY_ASSIGNED)).expectNoEvents();
    }

    @Test
    @DisplayName("R10: an unknown destination country is refused")
    void unknownCountry() {
        fixture.givenNoPriorActivity()
                .when(new AssignToAgent("asg-1", "num-1", "org-a", "agent-1", null, Set.of("XX")))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    @DisplayName("R6: only an ACTIVE number can be assigned")
    void onlyActiveNumbers() {
        numbers.put("num-1", new NumberFacts("num-1", "org-a", "alice", NumberStatus.INACTIVE, "GB", true, null,
                null));
        fixture.givenNoPriorActivity().when(assign("agent-1"))
                .expectException(refusedWith(ErrorCode.NUMBER_NOT_ACTIVE)).expectNoEvents();
    }

    @Test
    @DisplayName("R11: the agent must be registered and in the same org")
    void agentMustBeInOrg() {
        agents.put("agent-x", new AgentFacts("agent-x", "org-b", "alice", false));
        fixture.givenNoPriorActivity().when(assign("agent-x"))
                .expectException(refusedWith(ErrorCode.AGENT_NOT_IN_ORG)).expectNoEvents();
        fixture.givenNoPriorActivity().when(assign("no-such-agent"))
                .expectException(refusedWith(ErrorCode.AGENT_NOT_IN_ORG)).expectNoEvents();
    }

    @Test
    @DisplayName("R11: a retired agent cannot be assigned")
    void agentMustNotBeRetired() {
        agents.put("agent-1", new AgentFacts("agent-1", "org-a", "alice", true));
        fixture.givenNoPriorActivity().when(assign("agent-1"))
                .expectException(refusedWith(ErrorCode.AGENT_RETIRED)).expectNoEvents();
    }

    @Test
    @DisplayName("R11: the agent must be owned by the number's owner")
    void agentOwnedByNumberOwner() {
        agents.put("agent-b", new AgentFacts("agent-b", "org-a", "bob", false));
        fixture.givenNoPriorActivity().when(assign("agent-b"))
                .expectException(refusedWith(ErrorCode.AGENT_OWNER_MISMATCH)).expectNoEvents();
    }

    @Test
    @DisplayName("R12: maxNumbersPerAgent is enforced on assign")
    void maxNumbersPerAgent() {
        maxNumbersPerAgent = 1;
        agentNumbers = 1;
        fixture.givenNoPriorActivity().when(assign("agent-1"))
                .expectException(refusedWith(ErrorCode.AGENT_AT_NUMBER_LIMIT)).expectNoEvents();
        agentNumbers = 0;
        fixture.givenNoPriorActivity().when(assign("agent-1")).expectEvents(ASSIGNED);
    }

    @Test
    @DisplayName("R13: limits and allowed countries change while assigned; the same values write nothing")
    void changeLimits() {
        fixture.given(ASSIGNED)
                .when(new ChangeAssignmentLimits("asg-1", "org-a", 10, Set.of("GB", "IE"), null))
                .expectEvents(new AssignmentLimitsChanged("asg-1", "num-1", "org-a", 10, Set.of("GB", "IE")));
        fixture.given(ASSIGNED)
                .when(new ChangeAssignmentLimits("asg-1", "org-a", 100, Set.of("gb"), null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    @DisplayName("R13: a negative daily limit is refused")
    void negativeLimit() {
        fixture.given(ASSIGNED)
                .when(new ChangeAssignmentLimits("asg-1", "org-a", -1, Set.of("GB"), null))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    @DisplayName("R13: unassigning ends the assignment; an ended assignment changes no more")
    void unassign() {
        fixture.given(ASSIGNED)
                .when(new UnassignFromAgent("asg-1", "org-a", null))
                .expectEvents(new UnassignedFromAgent("asg-1", "num-1", "org-a", "agent-1", UnassignReason.REQUESTED));
        fixture.given(ASSIGNED, new UnassignedFromAgent("asg-1", "num-1", "org-a", "agent-1", UnassignReason.REQUESTED))
                .when(new ChangeAssignmentLimits("asg-1", "org-a", 5, Set.of("GB"), null))
                .expectException(refusedWith(ErrorCode.ASSIGNMENT_ENDED)).expectNoEvents();
    }

    @Test
    @DisplayName("R2: retiring the agent ends its assignment, saying so")
    void endedByRetirement() {
        fixture.given(ASSIGNED)
                .when(new EndAssignment("asg-1", UnassignReason.AGENT_RETIRED))
                .expectEvents(new UnassignedFromAgent("asg-1", "num-1", "org-a", "agent-1",
                        UnassignReason.AGENT_RETIRED));
    }

    @Test
    @DisplayName("R8: a transfer to a user who does not own the agent ends the assignment; ending twice writes nothing")
    void endedByTransfer() {
        fixture.given(ASSIGNED)
                .when(new EndAssignment("asg-1", UnassignReason.NUMBER_TRANSFERRED))
                .expectEvents(new UnassignedFromAgent("asg-1", "num-1", "org-a", "agent-1",
                        UnassignReason.NUMBER_TRANSFERRED));
        fixture.given(ASSIGNED, new UnassignedFromAgent("asg-1", "num-1", "org-a", "agent-1", UnassignReason.REQUESTED))
                .when(new EndAssignment("asg-1", UnassignReason.NUMBER_TRANSFERRED))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
