package io.switchboard.command.assignment;

import io.switchboard.api.assignment.UnassignReason;
import org.axonframework.config.Configuration;
import org.springframework.stereotype.Component;

/** Ends an assignment from inside another aggregate's command (R2, R8), in that command's transaction. */
@Component
public class Assignments {

    private final Configuration axon;

    Assignments(Configuration axon) {
        this.axon = axon;
    }

    public void end(String assignmentId, UnassignReason reason) {
        axon.repository(Assignment.class).load(assignmentId).execute(assignment -> assignment.handle(new EndAssignment(assignmentId, reason)));
    }
}
