package io.switchboard.query.testing;

import io.switchboard.api.agent.AgentRegistered;
import io.switchboard.api.assignment.AssignedToAgent;
import io.switchboard.api.common.Capability;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.number.NumberDetails;
import io.switchboard.api.number.NumberImported;

import java.util.Map;
import java.util.Set;

/** Events as the command service emits them, with the defaults a test does not care about. */
public final class Events {

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
}
