package io.switchboard.command.number;

/** R9: whether a number is assigned right now, read under a lock that an assignment of it would need. */
public interface NumberAssignments {

    boolean lockAndCheckAssigned(String numberId);
}
