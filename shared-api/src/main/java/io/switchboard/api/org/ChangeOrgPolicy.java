package io.switchboard.api.org;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * R12, R17: replaces the org's policy. A null {@code maxNumbersPerAgent} means unlimited; a null
 * {@code timeZone} means UTC.
 */
public record ChangeOrgPolicy(
        @TargetAggregateIdentifier String orgId,
        Integer maxNumbersPerAgent,
        String timeZone) {
}
