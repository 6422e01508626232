package io.switchboard.api.platformsync;

import java.util.List;

/**
 * The dead-letter queue of the outbound sync, the number tried least recently first, each number's letters in order:
 * {@code total} letters in all, of which {@code items} shows up to the requested limit. {@code syncEnabled} is
 * false when no voice platform is configured; nothing is then sent or parked.
 */
public record ParkedSyncEvents(boolean syncEnabled, long total, List<ParkedSyncEvent> items) {
}
