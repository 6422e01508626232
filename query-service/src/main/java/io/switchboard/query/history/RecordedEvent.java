package io.switchboard.query.history;

import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;

/** An event as the event store holds it: its global position and the message, payload and metadata read back. */
public record RecordedEvent(long position, DomainEventMessage<?> message) {

    public Object payload() {
        return message.getPayload();
    }

    public Instant time() {
        return message.getTimestamp();
    }

    public long sequence() {
        return message.getSequenceNumber();
    }

    public String aggregateId() {
        return message.getAggregateIdentifier();
    }
}
