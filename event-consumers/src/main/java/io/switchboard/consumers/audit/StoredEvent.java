package io.switchboard.consumers.audit;

/** One row of the event store's {@code domain_event_entry}; {@code payload} is the event's JSON as stored. */
record StoredEvent(long globalIndex, String eventId, String aggregateId, long sequence, String payloadType,
                   byte[] payload) {
}
