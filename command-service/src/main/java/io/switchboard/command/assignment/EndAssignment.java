package io.switchboard.command.assignment;

import io.switchboard.api.assignment.UnassignReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** R2, R8: an assignment ends because of a change elsewhere. Internal: clients send UnassignFromAgent. */
record EndAssignment(@TargetAggregateIdentifier String assignmentId, UnassignReason reason) {
}
