package io.switchboard.query.testing;

import io.switchboard.api.agent.AgentRegistered;
import io.switchboard.api.assignment.AssignedToAgent;
import io.switchboard.api.assignment.CallCounted;
import io.switchboard.api.assignment.CallRefusal;
import io.switchboard.api.assignment.CallRefused;
import io.switchboard.api.common.Capability;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.number.NumberDetails;
import io.switchboard.api.number.NumberImported;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Events as the command service emits them, with the defaults a test does not care about. */
public final class Events {

    private static final String DESTINATION = "+442079460958";

    private Events() {
    }

    public static NumberImported imported(E164Number number, String org, String owner, Provider provider,
                                          String clientId, String label) {
        return new NumberImported(number.numberId(), org, number.value(), number.country().value(), number.type(),
                provider, owner, clientId, null,
                new NumberDetails(label, Set.of(Capability.VOICE), Map.of("team", "sales"), null,
                        Map.of("sid", "PN123"), Map.of()),
                owner);
    }

    public static AgentRegistered registered(String agentId, String org, String owner, String name) {
        return new AgentRegistered(agentId, org, owner, null, name);
    }

    public static AssignedToAgent assigned(String assignmentId, String numberId, String org, String agentId) {
        return new AssignedToAgent(assignmentId, numberId, org, agentId, 100, Set.of("GB"));
    }

    /** A call to London counted on the org-local {@code day} ("YYYY-MM-DD"), the day's {@code callsThatDay}th. */
    public static CallCounted counted(String assignmentId, String numberId, String org, String agentId, String day,
                                      int callsThatDay, int dailyLimit) {
        return new CallCounted(assignmentId, numberId, org, agentId, UUID.randomUUID().toString(), DESTINATION, "GB",
                day, callsThatDay, dailyLimit);
    }

    public static CallRefused refused(String assignmentId, String numberId, String org, String agentId, String day,
                                      CallRefusal reason) {
        return new CallRefused(assignmentId, numberId, org, agentId, UUID.randomUUID().toString(), DESTINATION, "GB",
                day, reason);
    }
}
