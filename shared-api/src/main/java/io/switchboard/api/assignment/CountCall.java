package io.switchboard.api.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * R14-R17: count one call on the assignment of the number it is placed from. {@code day} is the calendar day of
 * the call in the org's time zone (R17), decided by the caller from its clock; {@code numberActive} is the
 * number's status at that moment (R6).
 */
public record CountCall(
        @TargetAggregateIdentifier String assignmentId,
        String orgId,
        String callId,
        String agentId,
        String destination,
        String destinationCountry,
        String day,
        boolean numberActive) {
}
