package io.switchboard.api.assignment;

/** Why an assignment ended. */
public enum UnassignReason {
    /** Someone asked for it (R13). */
    REQUESTED,
    /** The agent was retired (R2). */
    AGENT_RETIRED,
    /** The number went to a user who does not own the agent (R8). */
    NUMBER_TRANSFERRED
}
