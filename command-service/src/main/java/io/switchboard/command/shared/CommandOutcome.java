package io.switchboard.command.shared;

/**
 * What a handled command did to its target aggregate: the version its last new event reached, or null when
 * the command changed nothing (R7: a no-op emits no event).
 */
public record CommandOutcome(String aggregateId, Long version) {
}
