package io.switchboard.command.shared;

import java.util.Optional;

/**
 * The outcome of a command while its unit of work is still committing. Axon applies event dispatch interceptors
 * when the unit of work prepares to commit, after the handler returned, so the version a command reached is only
 * known then; whoever reads {@link #outcome()} after the command completed sees it.
 */
public final class PendingOutcome {

    private final String aggregateId;
    private volatile Long version;
    private volatile Object lastEvent;

    PendingOutcome(String aggregateId) {
        this.aggregateId = aggregateId;
    }

    /** An outcome already known, e.g. replayed for a repeated idempotency key. */
    public static PendingOutcome completed(CommandOutcome outcome) {
        PendingOutcome pending = new PendingOutcome(outcome.aggregateId());
        pending.version = outcome.version();
        return pending;
    }

    void applied(String eventAggregateId, long sequenceNumber, Object payload) {
        if (aggregateId.equals(eventAggregateId) && (version == null || sequenceNumber > version)) {
            version = sequenceNumber;
            lastEvent = payload;
        }
    }

    public CommandOutcome outcome() {
        return new CommandOutcome(aggregateId, version);
    }

    /**
     * The payload of the last event this command gave its aggregate, so a caller needs not read back what it
     * just decided; empty when nothing was applied here (a no-op, or an outcome replayed for a repeated key).
     */
    public Optional<Object> lastEvent() {
        return Optional.ofNullable(lastEvent);
    }
}
