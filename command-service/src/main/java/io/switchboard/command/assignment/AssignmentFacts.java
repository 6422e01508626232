package io.switchboard.command.assignment;

import java.util.Optional;

/**
 * The facts an assignment decision reads beyond its own aggregate. The lock methods hold the row until the
 * command's transaction ends, so two decisions about one number, or one agent, never interleave.
 */
public interface AssignmentFacts {

    Optional<NumberFacts> lockNumber(String numberId);

    Optional<AgentFacts> lockAgent(String agentId);

    int numbersAssignedTo(String agentId);

    /** R12: empty when the org allows any number of numbers per agent. */
    Optional<Integer> maxNumbersPerAgent(String orgId);
}
