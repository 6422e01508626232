package io.switchboard.query.http;

import io.switchboard.api.agent.AgentRetired;
import io.switchboard.api.assignment.CallRefusal;
import io.switchboard.api.assignment.UnassignReason;
import io.switchboard.api.assignment.UnassignedFromAgent;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.number.NumberDeactivated;
import io.switchboard.api.number.NumberFailed;
import io.switchboard.api.number.NumberReleased;
import io.switchboard.api.org.OrgPolicyChanged;

import java.time.Clock;
import java.util.UUID;

import static io.switchboard.query.testing.Events.assigned;
import static io.switchboard.query.testing.Events.counted;
import static io.switchboard.query.testing.Events.imported;
import static io.switchboard.query.testing.Events.refused;
import static io.switchboard.query.testing.Events.registered;

/**
 * Appends events to the shared event store as the command service would, each at the next sequence number of
 * its aggregate and stamped with the service's clock, and remembers the global index of the last one for
 * {@code X-Min-Position}.
 */
class EventStoreFixture {

    private final TimedEvents events;
    private final Clock clock;

    EventStoreFixture(TimedEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    long lastPosition() {
        return events.lastPosition();
    }

    String numberImported(String org, String owner, E164Number number, Provider provider, String clientId,
                          String label) {
        append("PhoneNumber", number.numberId(), imported(number, org, owner, provider, clientId, label));
        return number.numberId();
    }

    void numberDeactivated(String org, String numberId) {
        append("PhoneNumber", numberId, new NumberDeactivated(numberId, org, "paused by a person"));
    }

    void numberFailed(String org, String numberId) {
        append("PhoneNumber", numberId, new NumberFailed(numberId, org, "provider verification failed"));
    }

    void numberReleased(String org, E164Number number) {
        append("PhoneNumber", number.numberId(), new NumberReleased(number.numberId(), org, number.value()));
    }

    String agentRegistered(String org, String owner, String name) {
        String agentId = UUID.randomUUID().toString();
        append("Agent", agentId, registered(agentId, org, owner, name));
        return agentId;
    }

    void agentRetired(String org, String agentId) {
        append("Agent", agentId, new AgentRetired(agentId, org));
    }

    String numberAssigned(String org, String numberId, String agentId) {
        String assignmentId = UUID.randomUUID().toString();
        append("Assignment", assignmentId, assigned(assignmentId, numberId, org, agentId));
        return assignmentId;
    }

    void numberUnassigned(String org, String assignmentId, String numberId, String agentId) {
        append("Assignment", assignmentId,
                new UnassignedFromAgent(assignmentId, numberId, org, agentId, UnassignReason.REQUESTED));
    }

    /** R15: the day's {@code callsThatDay}th call counted against the default limit of an assignment, 100. */
    void callCounted(String org, String assignmentId, String numberId, String agentId, String day,
                     int callsThatDay) {
        append("Assignment", assignmentId, counted(assignmentId, numberId, org, agentId, day, callsThatDay, 100));
    }

    void callRefused(String org, String assignmentId, String numberId, String agentId, String day,
                     CallRefusal reason) {
        append("Assignment", assignmentId, refused(assignmentId, numberId, org, agentId, day, reason));
    }

    void orgPolicyChanged(String org, String timeZone) {
        append("OrgPolicy", org, new OrgPolicyChanged(org, null, timeZone));
    }

    private void append(String aggregateType, String aggregateId, Object payload) {
        events.append(aggregateType, aggregateId, payload, clock.instant(), null, null);
    }
}
