package io.switchboard.api.platformsync;

import java.time.Instant;

/**
 * An event the outbound sync could not deliver to the voice platform, parked in the dead-letter queue of the
 * number it concerns. {@code eventType} is the event's published type. The first letter of a number failed
 * {@code attempts} times, {@code cause} says why the last time; the letters behind it wait in order, with no cause
 * and no attempts, so a later change never overtakes an earlier one.
 */
public record ParkedSyncEvent(
        String id,
        String numberId,
        String eventType,
        String eventId,
        String cause,
        int attempts,
        Instant parkedAt,
        Instant lastTriedAt) {
}
