package io.switchboard.query.http;

import io.switchboard.api.agent.AgentRegistered;
import io.switchboard.api.agent.AgentRenamed;
import io.switchboard.api.assignment.AssignedToAgent;
import io.switchboard.api.assignment.AssignmentLimitsChanged;
import io.switchboard.api.assignment.CallCounted;
import io.switchboard.api.assignment.CallRefusal;
import io.switchboard.api.assignment.CallRefused;
import io.switchboard.api.assignment.UnassignReason;
import io.switchboard.api.assignment.UnassignedFromAgent;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.number.NumberActivated;
import io.switchboard.api.number.NumberDeactivated;
import io.switchboard.api.number.NumberDetails;
import io.switchboard.api.number.NumberDetailsChanged;
import io.switchboard.api.number.NumberReleased;
import io.switchboard.api.number.NumberTransferred;
import io.switchboard.api.org.OrgPolicyChanged;
import io.switchboard.query.testing.Events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One number's life across two orgs, every event stamped with a time of the test's choosing (SPEC §5):
 * org A (time zone Europe/Berlin) imports it for alice, changes its details, assigns it to alice's agent, changes
 * the limits, counts calls (and refuses one), renames the agent, deactivates and activates it, counts a call on the
 * next Berlin day, transfers it to bob (which ends the assignment, R8), releases it; org B (no policy: UTC)
 * imports it for zed and assigns it to zed's agent, which counts a call.
 */
final class NumberTimeline {

    /** One event of the timeline: its name, position in the store, and time. */
    record Step(String name, long position, Instant at) {
    }

    final String orgA;
    final String orgB;
    final E164Number number;
    final String numberId;
    final String agentA = UUID.randomUUID().toString();
    final String agentB = UUID.randomUUID().toString();
    final String assignmentA = UUID.randomUUID().toString();
    final String assignmentB = UUID.randomUUID().toString();
    final List<Step> steps = new ArrayList<>();

    private final TimedEvents events;

    NumberTimeline(TimedEvents events, String orgA, String orgB, E164Number number) {
        this.events = events;
        this.orgA = orgA;
        this.orgB = orgB;
        this.number = number;
        this.numberId = number.numberId();
    }

    static Instant at(String time) {
        return Instant.parse(time);
    }

    /** Appends the whole timeline; {@link #steps} then lists its events in order. */
    NumberTimeline write() {
        step("policy A", "OrgPolicy", orgA, new OrgPolicyChanged(orgA, null, "Europe/Berlin"),
                "2025-03-03T07:00:00Z", "carol");
        step("agent A registered", "Agent", agentA, new AgentRegistered(agentA, orgA, "alice", null, "Ava"),
                "2025-03-03T08:00:00Z", "alice");
        step("imported by A", "PhoneNumber", numberId,
                Events.imported(number, orgA, "alice", Provider.TWILIO, "client-1", "Sales"),
                "2025-03-03T09:00:00Z", "alice");
        step("details changed", "PhoneNumber", numberId, new NumberDetailsChanged(numberId, orgA,
                new NumberDetails("Support", null, null, "https://hooks.example/a", null, null)),
                "2025-03-03T10:00:00Z", "alice");
        step("assigned", "Assignment", assignmentA, new AssignedToAgent(assignmentA, numberId, orgA, agentA, 5,
                Set.of("GB")), "2025-03-03T11:00:00Z", "alice");
        step("limits changed", "Assignment", assignmentA, new AssignmentLimitsChanged(assignmentA, numberId, orgA, 3,
                Set.of("GB", "IE")), "2025-03-03T12:00:00Z", "carol");
        step("call 1", "Assignment", assignmentA, counted(assignmentA, orgA, agentA, "2025-03-03", 1, 3),
                "2025-03-03T13:00:00Z", "dialer");
        step("call 2", "Assignment", assignmentA, counted(assignmentA, orgA, agentA, "2025-03-03", 2, 3),
                "2025-03-03T14:00:00Z", "dialer");
        step("call refused", "Assignment", assignmentA, new CallRefused(assignmentA, numberId, orgA, agentA,
                UUID.randomUUID().toString(), "+33142685300", "FR", "2025-03-03", CallRefusal.COUNTRY_NOT_ALLOWED),
                "2025-03-03T15:00:00Z", "dialer");
        step("agent renamed", "Agent", agentA, new AgentRenamed(agentA, orgA, "Ava Prime"),
                "2025-03-03T16:00:00Z", "alice");
        step("deactivated", "PhoneNumber", numberId, new NumberDeactivated(numberId, orgA, "paused"),
                "2025-03-03T17:00:00Z", "carol");
        step("activated", "PhoneNumber", numberId, new NumberActivated(numberId, orgA),
                "2025-03-03T18:00:00Z", "carol");
        // 00:30 on 4 March in Berlin, still 3 March in UTC
        step("call next Berlin day", "Assignment", assignmentA,
                counted(assignmentA, orgA, agentA, "2025-03-04", 1, 3), "2025-03-03T23:30:00Z", "dialer");
        Instant transferAt = at("2025-03-04T09:00:00Z");
        long transferred = events.appendAll(List.of(
                new TimedEvents.Event("PhoneNumber", numberId,
                        new NumberTransferred(numberId, orgA, "alice", "bob"), transferAt, "carol", "req-transfer"),
                new TimedEvents.Event("Assignment", assignmentA, new UnassignedFromAgent(assignmentA, numberId, orgA,
                        agentA, UnassignReason.NUMBER_TRANSFERRED), transferAt, "carol", "req-transfer")));
        steps.add(new Step("transferred", transferred - 1, transferAt));
        steps.add(new Step("unassigned", transferred, transferAt));
        step("released", "PhoneNumber", numberId, new NumberReleased(numberId, orgA, number.value()),
                "2025-03-04T10:00:00Z", "carol");
        step("imported by B", "PhoneNumber", numberId,
                Events.imported(number, orgB, "zed", Provider.TELNYX, null, "Now ours"),
                "2025-03-04T11:00:00Z", "zed");
        step("agent B registered", "Agent", agentB, new AgentRegistered(agentB, orgB, "zed", null, "Zoe"),
                "2025-03-04T12:00:00Z", "zed");
        step("assigned by B", "Assignment", assignmentB, new AssignedToAgent(assignmentB, numberId, orgB, agentB, 10,
                Set.of("*")), "2025-03-04T13:00:00Z", "zed");
        step("call B", "Assignment", assignmentB, counted(assignmentB, orgB, agentB, "2025-03-04", 1, 10),
                "2025-03-04T14:00:00Z", "dialer-b");
        return this;
    }

    Step step(String name) {
        return steps.stream().filter(step -> step.name().equals(name)).findFirst().orElseThrow();
    }

    private CallCounted counted(String assignment, String org, String agent, String day, int callsThatDay,
                                int limit) {
        return new CallCounted(assignment, numberId, org, agent, UUID.randomUUID().toString(), "+442079460000", "GB",
                day, callsThatDay, limit);
    }

    private void step(String name, String aggregateType, String aggregateId, Object payload, String time,
                      String actor) {
        Instant when = at(time);
        long position = events.append(aggregateType, aggregateId, payload, when, actor, "req-" + (steps.size() + 1));
        steps.add(new Step(name, position, when));
    }
}
