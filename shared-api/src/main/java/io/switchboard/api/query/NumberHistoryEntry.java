package io.switchboard.api.query;

import java.time.Instant;
import java.util.Map;

/**
 * One event of a number's history (SPEC §5), its own or one of its assignments'. {@code type} is the published
 * CloudEvents type (e.g. {@code io.switchboard.number.imported.v1}), {@code aggregateType} the published aggregate
 * type ({@code phone-number} or {@code assignment}), {@code version} the aggregate's sequence number after the event,
 * {@code position} its global position in the event store (the history's order), {@code actor} and
 * {@code correlationId} who caused it and in which request (null for events recorded without them), {@code data}
 * the event's fields as Kafka consumers receive them.
 */
public record NumberHistoryEntry(
        String id,
        long position,
        String type,
        Instant time,
        String aggregateType,
        String aggregateId,
        long version,
        String orgId,
        String actor,
        String correlationId,
        Map<String, Object> data) {
}
