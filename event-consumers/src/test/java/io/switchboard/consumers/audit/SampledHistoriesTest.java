package io.switchboard.consumers.audit;

import io.switchboard.consumers.testing.TestEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.switchboard.consumers.testing.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

class SampledHistoriesTest {

    @Test
    @DisplayName("the sample is the first N subjects in sorted order, whatever order they arrive in")
    void given_more_subjects_than_the_sample_then_the_first_in_sorted_order_are_kept() {
        SampledHistories sample = new SampledHistories(2);
        for (String subject : new String[]{"n4", "n2", "n5", "n1", "n3"}) {
            sample.add(numberImported(subject, 0, "acme", "2026-11-01T09:00:00Z").parsed());
            sample.add(numberActivated(subject, 1, "acme", "2026-11-01T09:01:00Z").parsed());
        }

        assertThat(sample.bySubject()).containsOnlyKeys("n1", "n2");
        assertThat(sample.bySubject().get("n2")).containsOnlyKeys(0L, 1L);
    }

    @Test
    @DisplayName("of two events at one sequence the first one read stays")
    void given_two_events_at_one_sequence_then_the_first_stays() {
        SampledHistories sample = new SampledHistories(1);
        TestEvent first = numberActivated("n1", 1, "acme", "2026-11-01T09:01:00Z");
        sample.add(first.parsed());
        sample.add(numberDeactivated("n1", 1, "acme", "2026-11-01T09:02:00Z").parsed());

        assertThat(sample.bySubject().get("n1").get(1L).id()).isEqualTo(first.id());
    }
}
