package io.switchboard.consumers.billing;

import io.switchboard.consumers.stream.MalformedEventException;
import io.switchboard.consumers.testing.TestEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.switchboard.consumers.testing.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BillingLedgerTest {

    private final BillingLedger ledger = new BillingLedger();

    @Test
    @DisplayName("a number counts one number-day on each day from its import through its release, both included")
    void given_import_and_release_days_later_then_every_day_between_counts_once() {
        apply(numberImported("n1", 0, "acme", "2026-11-01T09:00:00Z"),
                numberActivated("n1", 1, "acme", "2026-11-01T09:05:00Z"),
                numberReleased("n1", 2, "acme", "2026-11-03T17:00:00Z"));

        assertThat(ledger.totals()).containsExactly(
                total("acme", "2026-11-01", 1, 0),
                total("acme", "2026-11-02", 1, 0),
                total("acme", "2026-11-03", 1, 0));
    }

    @Test
    @DisplayName("a number still held counts through the UTC day of the latest event seen, not the wall clock")
    void given_a_held_number_and_a_later_event_elsewhere_then_it_counts_through_that_day() {
        apply(numberImported("n1", 0, "acme", "2026-11-01T23:30:00Z"),
                numberImported("n2", 0, "globex", "2026-11-03T00:15:00Z"));

        assertThat(ledger.totals()).containsExactly(
                total("acme", "2026-11-01", 1, 0),
                total("acme", "2026-11-02", 1, 0),
                total("acme", "2026-11-03", 1, 0),
                total("globex", "2026-11-03", 1, 0));
    }

    @Test
    @DisplayName("a number released and imported by another org the same day counts that day for both orgs")
    void given_release_and_reimport_by_another_org_on_one_day_then_both_orgs_count_it() {
        apply(numberImported("n1", 0, "acme", "2026-11-01T09:00:00Z"),
                numberReleased("n1", 1, "acme", "2026-11-02T10:00:00Z"),
                numberImported("n1", 2, "globex", "2026-11-02T11:00:00Z"));

        assertThat(ledger.totals()).containsExactly(
                total("acme", "2026-11-01", 1, 0),
                total("acme", "2026-11-02", 1, 0),
                total("globex", "2026-11-02", 1, 0));
    }

    @Test
    @DisplayName("an org taking a number back on the day it released it counts that day once")
    void given_release_and_reimport_by_the_same_org_on_one_day_then_that_day_counts_once() {
        apply(numberImported("n1", 0, "acme", "2026-11-04T00:00:00Z"),
                numberReleased("n1", 1, "acme", "2026-11-04T01:00:00Z"),
                numberImported("n1", 2, "acme", "2026-11-04T05:00:00Z"),
                numberReleased("n1", 3, "acme", "2026-11-05T05:00:00Z"));

        assertThat(ledger.totals()).containsExactly(
                total("acme", "2026-11-04", 1, 0),
                total("acme", "2026-11-05", 1, 0));
    }

    @Test
    @DisplayName("calls count against the org-local day the event carries, not the UTC day it happened")
    void given_a_call_after_utc_midnight_on_the_org_previous_day_then_it_counts_on_that_day() {
        apply(callCounted("a1", 1, "acme", "2026-11-05T02:00:00Z", "2026-11-04"),
                callCounted("a1", 2, "acme", "2026-11-05T14:00:00Z", "2026-11-05"),
                callCounted("a2", 1, "globex", "2026-11-05T15:00:00Z", "2026-11-05"));

        assertThat(ledger.totals()).containsExactly(
                total("acme", "2026-11-04", 0, 1),
                total("acme", "2026-11-05", 0, 1),
                total("globex", "2026-11-05", 0, 1));
    }

    @Test
    @DisplayName("a redelivered event, or a re-sent run of earlier events, changes nothing")
    void given_events_delivered_again_then_they_are_dropped_by_id() {
        TestEvent imported = numberImported("n1", 0, "acme", "2026-11-01T09:00:00Z");
        TestEvent released = numberReleased("n1", 1, "acme", "2026-11-02T09:00:00Z");
        TestEvent call = callCounted("a1", 1, "acme", "2026-11-01T10:00:00Z", "2026-11-01");
        apply(imported, call, released);
        List<DailyTotal> once = ledger.totals();

        assertThat(ledger.apply(call.parsed())).isFalse();
        assertThat(ledger.apply(imported.parsed())).isFalse();
        assertThat(ledger.apply(released.parsed())).isFalse();
        assertThat(ledger.totals()).isEqualTo(once).containsExactly(
                total("acme", "2026-11-01", 1, 1),
                total("acme", "2026-11-02", 1, 0));
    }

    @Test
    @DisplayName("a call-counted event without its day is malformed and changes nothing")
    void given_a_call_without_day_then_it_is_refused_as_malformed() {
        TestEvent call = callCounted("a1", 1, "acme", "2026-11-01T10:00:00Z", "yesterday");

        assertThatThrownBy(() -> ledger.apply(call.parsed())).isInstanceOf(MalformedEventException.class);
        assertThat(ledger.totals()).isEmpty();
    }

    @Test
    @DisplayName("state saved to a file and loaded again gives the same totals and still drops redeliveries")
    void given_saved_state_when_loaded_then_the_ledger_continues_where_it_was(@TempDir Path directory) {
        TestEvent imported = numberImported("n1", 0, "acme", "2026-11-01T09:00:00Z");
        apply(imported, callCounted("a1", 1, "acme", "2026-11-02T10:00:00Z", "2026-11-02"));
        Path file = directory.resolve("billing-state.json");
        new BillingState(Map.of(0, 2L), ledger.snapshot()).save(file);

        BillingState loaded = BillingState.load(file).orElseThrow();
        BillingLedger restored = new BillingLedger(loaded.ledger());

        assertThat(loaded.offsets()).containsExactly(Map.entry(0, 2L));
        assertThat(restored.totals()).isEqualTo(ledger.totals());
        assertThat(restored.apply(imported.parsed())).isFalse();
        restored.apply(numberReleased("n1", 1, "acme", "2026-11-03T09:00:00Z").parsed());
        assertThat(restored.totals()).containsExactly(
                total("acme", "2026-11-01", 1, 0),
                total("acme", "2026-11-02", 1, 1),
                total("acme", "2026-11-03", 1, 0));
    }

    private void apply(TestEvent... events) {
        for (TestEvent event : events) {
            assertThat(ledger.apply(event.parsed())).isTrue();
        }
    }

    static DailyTotal total(String orgId, String day, long numberDays, long callsCounted) {
        return new DailyTotal(orgId, LocalDate.parse(day), numberDays, callsCounted);
    }
}
