package io.switchboard.api.stream;

import java.time.Instant;

/**
 * What an event's chain hash covers: the same facts whether read from the event store or from Kafka. {@code type}
 * is the published type name, {@code actor} and {@code correlationId} are null when the event has none, and
 * {@code data} is the event's JSON in any key order or spacing.
 */
public record ChainedEvent(String eventId, String aggregateId, long sequence, String type, Instant time,
                           String actor, String correlationId, byte[] data) {
}
