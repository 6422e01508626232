package io.switchboard.api.assignment;

/** Everything that happens to an Assignment. Each one concerns exactly one number. */
public sealed interface AssignmentEvent permits AssignedToAgent, AssignmentLimitsChanged, UnassignedFromAgent,
        CallCounted, CallRefused {

    String assignmentId();

    String numberId();

    String orgId();
}
