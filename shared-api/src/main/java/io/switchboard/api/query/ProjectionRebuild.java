package io.switchboard.api.query;

import java.time.Instant;
import java.util.List;

/**
 * A rebuild of read models from the event store (SPEC §5): the projections it resets and replays, its
 * {@code status} ({@code RUNNING}, {@code COMPLETED} or {@code FAILED}, then with {@code error}), and its progress.
 * {@code eventsTotal} is the event store's head position when the rebuild started, {@code eventsDone} the position
 * every projection of the rebuild has replayed up to; {@code eventsPerSecond} is the recent replay rate while it runs
 * and the average over the whole rebuild once it is done; {@code secondsLeft} is null while unknown.
 */
public record ProjectionRebuild(
        String id,
        List<String> projections,
        String status,
        long eventsTotal,
        long eventsDone,
        double eventsPerSecond,
        Long secondsLeft,
        Instant startedAt,
        Instant finishedAt,
        double elapsedSeconds,
        List<ProjectionProgress> progress,
        String error) {
}
