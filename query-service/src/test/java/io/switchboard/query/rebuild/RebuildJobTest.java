package io.switchboard.query.rebuild;

import io.switchboard.api.query.ProjectionProgress;
import io.switchboard.api.query.ProjectionRebuild;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The progress figures of a rebuild: events done of total, rate, time left, and the final summary. */
class RebuildJobTest {

    private static final Instant START = Instant.parse("2025-03-03T12:00:00Z");

    private final AtomicLong nanos = new AtomicLong(TimeUnit.SECONDS.toNanos(1_000));
    private final RebuildJob job = new RebuildJob("job-1", List.of("number-view", "usage-view"),
            Clock.fixed(START, ZoneOffset.UTC), nanos::get);

    @Test
    @DisplayName("§5: before the processors stopped, nothing is known: no total, no rate, no time left")
    void nothing_known_before_the_reset() {
        job.observe(List.of(progress("number-view", 50), progress("usage-view", 60)), false);

        ProjectionRebuild view = job.view();
        assertThat(view.status()).isEqualTo("RUNNING");
        assertThat(view.eventsTotal()).isZero();
        assertThat(view.eventsDone()).isZero();
        assertThat(view.eventsPerSecond()).isZero();
        assertThat(view.secondsLeft()).isNull();
        assertThat(view.startedAt()).isEqualTo(START);
        assertThat(view.projections()).containsExactly("number-view", "usage-view");
    }

    @Test
    @DisplayName("§5: events done is the slowest projection's position; the rate is over the last seconds, and the "
            + "time left follows from it")
    void done_rate_and_time_left() {
        job.replayUpTo(1_000);
        at(1, 300, 200);
        assertThat(job.view().eventsDone()).isEqualTo(200);
        assertThat(job.view().secondsLeft()).isNull();

        at(2, 500, 400);
        at(3, 700, 600);
        ProjectionRebuild view = job.view();
        assertThat(view.eventsTotal()).isEqualTo(1_000);
        assertThat(view.eventsDone()).isEqualTo(600);
        assertThat(view.eventsPerSecond()).isCloseTo(200.0, within(0.001));
        assertThat(view.secondsLeft()).isEqualTo(2);
        assertThat(view.elapsedSeconds()).isCloseTo(3.0, within(0.001));
        assertThat(view.progress()).extracting(ProjectionProgress::position).containsExactly(700L, 600L);

        // only the last five seconds count: a faster pace shows at once
        at(9, 960, 900);
        assertThat(job.view().eventsPerSecond()).isCloseTo(300.0 / 6, within(0.001));
        at(10, 1_000, 990);
        assertThat(job.view().eventsPerSecond()).isCloseTo(90.0, within(0.001));
    }

    @Test
    @DisplayName("§5: once every projection reached the head, the summary gives the average rate of the whole rebuild")
    void summary_when_completed() {
        job.replayUpTo(1_000);
        at(2, 400, 300);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(6));
        job.observe(List.of(progress("number-view", 1_020), progress("usage-view", 1_001)), true);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(30));

        ProjectionRebuild view = job.view();
        assertThat(view.status()).isEqualTo("COMPLETED");
        assertThat(view.eventsDone()).isEqualTo(1_000);
        assertThat(view.elapsedSeconds()).isCloseTo(8.0, within(0.001));
        assertThat(view.eventsPerSecond()).isCloseTo(125.0, within(0.001));
        assertThat(view.secondsLeft()).isZero();
        assertThat(view.finishedAt()).isEqualTo(START);
        assertThat(view.error()).isNull();
    }

    @Test
    @DisplayName("§5: a failed rebuild keeps its reason and stops counting")
    void failed() {
        job.replayUpTo(1_000);
        at(1, 100, 100);
        job.failed("could not reset: segment claimed by another instance");
        at(2, 500, 500);

        ProjectionRebuild view = job.view();
        assertThat(view.status()).isEqualTo("FAILED");
        assertThat(view.error()).contains("claimed by another instance");
        assertThat(view.eventsDone()).isEqualTo(100);
        assertThat(view.secondsLeft()).isNull();
    }

    private void at(long second, long numberView, long usageView) {
        nanos.set(TimeUnit.SECONDS.toNanos(1_000 + second));
        job.observe(List.of(progress("number-view", numberView), progress("usage-view", usageView)), false);
    }

    private static ProjectionProgress progress(String name, long position) {
        return new ProjectionProgress(name, position, true, null);
    }
}
