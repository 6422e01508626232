package io.switchboard.consumers.audit;

import io.switchboard.consumers.stream.RecordPosition;
import io.switchboard.consumers.testing.TestEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.switchboard.consumers.testing.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SequenceCheckTest {

    private final SequenceCheck check = new SequenceCheck();
    private long offset;

    @Test
    @DisplayName("aggregates whose sequences run 0, 1, 2, interleaved on one partition, pass")
    void given_continuous_sequences_then_nothing_is_broken() {
        read(numberImported("n1", 0, "acme", "2026-11-01T09:00:00Z"),
                numberImported("n2", 0, "acme", "2026-11-01T09:01:00Z"),
                numberActivated("n1", 1, "acme", "2026-11-01T09:02:00Z"),
                numberReleased("n1", 2, "acme", "2026-11-01T09:03:00Z"),
                numberActivated("n2", 1, "acme", "2026-11-01T09:04:00Z"));

        assertThat(check.brokenLinks()).isEmpty();
        assertThat(check.aggregates()).isEqualTo(2);
    }

    @Test
    @DisplayName("a re-sent run of earlier events (same ids) is ignored, not taken for a reordering")
    void given_a_redelivered_run_then_nothing_is_broken() {
        TestEvent activated = numberActivated("n1", 1, "acme", "2026-11-01T09:02:00Z");
        TestEvent released = numberReleased("n1", 2, "acme", "2026-11-01T09:03:00Z");
        read(numberImported("n1", 0, "acme", "2026-11-01T09:00:00Z"), activated, released, activated, released,
                numberImported("n1", 3, "globex", "2026-11-02T09:00:00Z"));

        assertThat(check.brokenLinks()).isEmpty();
        assertThat(check.redeliveries()).isEqualTo(2);
    }

    @Test
    @DisplayName("a missing sequence is reported at the event after the gap, with its id and position")
    void given_a_gap_then_the_first_event_after_it_is_reported() {
        TestEvent afterGap = numberReleased("n1", 3, "acme", "2026-11-01T09:03:00Z");
        read(numberImported("n1", 0, "acme", "2026-11-01T09:00:00Z"),
                numberActivated("n1", 1, "acme", "2026-11-01T09:01:00Z"), afterGap);

        assertThat(check.brokenLinks()).containsExactly(
                new BrokenLink("n1", 2, 3, afterGap.id(), new RecordPosition(0, 2)));
    }

    @Test
    @DisplayName("two swapped events are reported where the order first breaks, once per aggregate")
    void given_two_swapped_events_then_the_first_out_of_order_is_reported_once() {
        TestEvent second = numberActivated("n1", 1, "acme", "2026-11-01T09:01:00Z");
        TestEvent third = numberDeactivated("n1", 2, "acme", "2026-11-01T09:02:00Z");
        read(numberImported("n1", 0, "acme", "2026-11-01T09:00:00Z"), third, second,
                numberImported("n2", 0, "acme", "2026-11-01T09:03:00Z"));

        assertThat(check.brokenLinks()).containsExactly(
                new BrokenLink("n1", 1, 2, third.id(), new RecordPosition(0, 1)));
    }

    @Test
    @DisplayName("an aggregate that does not start at 0, or a second event at a sequence taken, is broken")
    void given_a_late_start_or_a_second_event_at_one_sequence_then_both_are_reported() {
        TestEvent lateStart = numberActivated("n1", 1, "acme", "2026-11-01T09:01:00Z");
        TestEvent other = numberDeactivated("n2", 0, "acme", "2026-11-01T09:02:00Z");
        read(lateStart, numberImported("n2", 0, "acme", "2026-11-01T09:00:00Z"), other);

        assertThat(check.brokenLinks()).extracting(BrokenLink::subject, BrokenLink::expectedSequence,
                BrokenLink::gotSequence, BrokenLink::eventId)
                .containsExactly(tuple("n1", 0L, 1L, lateStart.id()),
                        tuple("n2", 1L, 0L, other.id()));
    }

    private void read(TestEvent... events) {
        for (TestEvent event : events) {
            check.accept(event.readAt(0, offset++));
        }
    }
}
