package io.switchboard.query.rebuild;

import io.switchboard.api.query.ProjectionProgress;
import io.switchboard.api.query.ProjectionRebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One rebuild and its progress. The figures follow positions in the event store: {@code eventsTotal} is the head
 * position when the rebuild started (global indexes are dense, so this is the number of events to replay, give or
 * take the rare index a rolled-back transaction left unused), {@code eventsDone} the position every projection of the
 * rebuild has passed. The rate while running is taken over the last few seconds; once completed it is the average
 * over the whole rebuild, shutdown and reset included.
 */
final class RebuildJob {

    enum Status { RUNNING, COMPLETED, FAILED }

    private static final Duration RATE_WINDOW = Duration.ofSeconds(5);

    private record Sample(long nanos, long done) {
    }

    private final String id;
    private final List<String> projections;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Instant startedAt;
    private final long startedNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();

    private Status status = Status.RUNNING;
    private long total = -1;
    private long done;
    private List<ProjectionProgress> progress;
    private Instant finishedAt;
    private long finishedNanos;
    private String error;

    /** {@code nanoTime} measures elapsed time (System::nanoTime), {@code clock} tells the time of day. */
    RebuildJob(String id, List<String> projections, Clock clock, LongSupplier nanoTime) {
        this.id = id;
        this.projections = List.copyOf(projections);
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.startedAt = clock.instant();
        this.startedNanos = nanoTime.getAsLong();
        this.progress = projections.stream().map(name -> new ProjectionProgress(name, 0, false, null)).toList();
    }

    String id() {
        return id;
    }

    List<String> projections() {
        return projections;
    }

    synchronized boolean running() {
        return status == Status.RUNNING;
    }

    /** The head position the rebuild replays up to, known once the processors have stopped. */
    synchronized void replayUpTo(long headPosition) {
        total = headPosition;
    }

    synchronized long total() {
        return total;
    }

    /** Records the projections' positions; completes the rebuild when every one has reached the head. */
    synchronized void observe(List<ProjectionProgress> positions, boolean allReached) {
        if (status != Status.RUNNING || total < 0) {
            return;
        }
        progress = List.copyOf(positions);
        long slowest = positions.stream().mapToLong(ProjectionProgress::position).min().orElse(total);
        done = Math.min(Math.max(slowest, 0), total);
        long now = nanoTime.getAsLong();
        samples.addLast(new Sample(now, done));
        while (samples.size() > 2 && now - samples.peekFirst().nanos() > RATE_WINDOW.toNanos()) {
            samples.removeFirst();
        }
        if (allReached) {
            done = total;
            status = Status.COMPLETED;
            finishedAt = clock.instant();
            finishedNanos = now;
        }
    }

    synchronized void failed(String reason) {
        if (status == Status.RUNNING) {
            status = Status.FAILED;
            error = reason;
            finishedAt = clock.instant();
            finishedNanos = nanoTime.getAsLong();
        }
    }

    synchronized ProjectionRebuild view() {
        long end = status == Status.RUNNING ? nanoTime.getAsLong() : finishedNanos;
        double elapsed = (end - startedNanos) / 1e9;
        double rate = status == Status.COMPLETED ? (elapsed > 0 ? total / elapsed : 0) : recentRate();
        Long secondsLeft = null;
        if (status == Status.COMPLETED) {
            secondsLeft = 0L;
        } else if (status == Status.RUNNING && total >= 0 && rate > 0) {
            secondsLeft = (long) Math.ceil((total - done) / rate);
        }
        return new ProjectionRebuild(id, projections, status.name(), Math.max(total, 0), done, rate, secondsLeft,
                startedAt, finishedAt, elapsed, progress, error);
    }

    private double recentRate() {
        if (samples.size() < 2) {
            return 0;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        double seconds = (last.nanos() - first.nanos()) / 1e9;
        return seconds > 0 ? (last.done() - first.done()) / seconds : 0;
    }
}
