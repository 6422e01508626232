package io.switchboard.api.stream;

/** The metadata every stored event carries (the event store's {@code meta_data}), by key. */
public final class EventMetadata {

    /** The user whose request caused the event: copied from the command. */
    public static final String ACTOR_ID = "actorId";
    /** The request that caused the event; every event of one request has the same. */
    public static final String CORRELATION_ID = "correlationId";
    /** The event's link in its aggregate's tamper-evident chain ({@link ChainHash}). */
    public static final String CHAIN_HASH = "chainHash";

    private EventMetadata() {
    }
}
