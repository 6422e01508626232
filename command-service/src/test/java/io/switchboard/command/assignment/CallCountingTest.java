package io.switchboard.command.assignment;

import io.switchboard.api.assignment.AssignedToAgent;
import io.switchboard.api.assignment.AssignmentLimitsChanged;
import io.switchboard.api.assignment.CallCounted;
import io.switchboard.api.assignment.CallRefusal;
import io.switchboard.api.assignment.CallRefused;
import io.switchboard.api.assignment.CountCall;
import io.switchboard.api.assignment.UnassignReason;
import io.switchboard.api.assignment.UnassignedFromAgent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

class CallCountingTest {

    private static final AssignedToAgent ASSIGNED =
            new AssignedToAgent("asg-1", "num-1", "org-a", "agent-1", 2, Set.of("GB", "IE"));
    private static final String LONDON = "+442079460958";

    private FixtureConfiguration<Assignment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assignment.class);
    }

    private static CountCall call(String callId, String day) {
        return new CountCall("asg-1", "org-a", callId, "agent-1", LONDON, "GB", day, true);
    }

    private static CallCounted counted(String callId, String day, int callsThatDay) {
        return new CallCounted("asg-1", "num-1", "org-a", "agent-1", callId, LONDON, "GB", day, callsThatDay, 2);
    }

    private static CallRefused refused(String callId, String destination, String country, String day,
                                       CallRefusal reason) {
        return new CallRefused("asg-1", "num-1", "org-a", "agent-1", callId, destination, country, day, reason);
    }

    @Test
    @DisplayName("R15: a call from an assigned, active number to an allowed country within the limit is counted")
    void counted() {
        fixture.given(ASSIGNED).when(call("c1", "2026-11-21")).expectEvents(counted("c1", "2026-11-21", 1));
    }

    @Test
    @DisplayName("R15: the call after the daily limit is refused with DAILY_LIMIT_REACHED, and the refusal is recorded")
    void dailyLimit() {
        fixture.given(ASSIGNED, counted("c1", "2026-11-21", 1), counted("c2", "2026-11-21", 2))
                .when(call("c3", "2026-11-21"))
                .expectEvents(refused("c3", LONDON, "GB", "2026-11-21", CallRefusal.DAILY_LIMIT_REACHED));
    }

    @Test
    @DisplayName("R17: the count restarts on the org's next calendar day, by construction")
    void nextDay() {
        fixture.given(ASSIGNED, counted("c1", "2026-11-21", 1), counted("c2", "2026-11-21", 2))
                .when(call("c3", "2026-11-22"))
                .expectEvents(counted("c3", "2026-11-22", 1));
    }

    @Test
    @DisplayName("R17: a call stamped with an earlier day than the latest counted one counts against the latest day")
    void lateClock() {
        fixture.given(ASSIGNED, counted("c1", "2026-11-22", 1))
                .when(call("c2", "2026-11-21"))
                .expectEvents(counted("c2", "2026-11-22", 2));
    }

    @Test
    @DisplayName("R15: a destination country the assignment does not allow is refused with COUNTRY_NOT_ALLOWED")
    void countryNotAllowed() {
        fixture.given(ASSIGNED)
                .when(new CountCall("asg-1", "org-a", "c1", "agent-1", "+33142685300", "FR", "2026-11-21", true))
                .expectEvents(refused("c1", "+33142685300", "FR", "2026-11-21", CallRefusal.COUNTRY_NOT_ALLOWED));
    }

    @Test
    @DisplayName("R15: another agent than the assigned one is refused with AGENT_MISMATCH")
    void agentMismatch() {
        fixture.given(ASSIGNED)
                .when(new CountCall("asg-1", "org-a", "c1", "agent-2", LONDON, "GB", "2026-11-21", true))
                .expectEvents(new CallRefused("asg-1", "num-1", "org-a", "agent-1", "c1", LONDON, "GB", "2026-11-21",
                        CallRefusal.AGENT_MISMATCH));
    }

    @Test
    @DisplayName("R15: a number that is not ACTIVE is refused with NUMBER_INACTIVE")
    void inactiveNumber() {
        fixture.given(ASSIGNED)
                .when(new CountCall("asg-1", "org-a", "c1", "agent-1", LONDON, "GB", "2026-11-21", false))
                .expectEvents(refused("c1", LONDON, "GB", "2026-11-21", CallRefusal.NUMBER_INACTIVE));
    }

    @Test
    @DisplayName("R15: a call on an ended assignment is refused with NOT_ASSIGNED")
    void endedAssignment() {
        fixture.given(ASSIGNED, new UnassignedFromAgent("asg-1", "num-1", "org-a", "agent-1", UnassignReason.REQUESTED))
                .when(call("c1", "2026-11-21"))
                .expectEvents(refused("c1", LONDON, "GB", "2026-11-21", CallRefusal.NOT_ASSIGNED));
    }

    @Test
    @DisplayName("R13, R15: a limit raised while assigned lets the next call count the same day")
    void raisedLimit() {
        fixture.given(ASSIGNED, counted("c1", "2026-11-21", 1), counted("c2", "2026-11-21", 2),
                        new AssignmentLimitsChanged("asg-1", "num-1", "org-a", 3,
                                Set.of("GB")))
                .when(call("c3", "2026-11-21"))
                .expectEvents(new CallCounted("asg-1", "num-1", "org-a", "agent-1", "c3", LONDON, "GB", "2026-11-21",
                        3, 3));
    }
}
