package io.switchboard.consumers.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.consumers.testing.TestEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.switchboard.consumers.testing.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

class StoreComparisonTest {

    private static final TestEvent IMPORTED = numberImported("n1", 0, "acme", "2026-11-01T09:00:00Z");
    private static final TestEvent ACTIVATED = numberActivated("n1", 1, "acme", "2026-11-01T09:01:00Z");
    private static final TestEvent RELEASED = numberReleased("n1", 2, "acme", "2026-11-01T09:02:00Z");

    @Test
    @DisplayName("the same events at the same sequences with the same data: no difference")
    void given_identical_histories_then_there_is_no_difference() {
        assertThat(compare(List.of(IMPORTED, ACTIVATED), stored(IMPORTED, ACTIVATED), 100)).isEmpty();
    }

    @Test
    @DisplayName("a set written in another order (capabilities) is the same data")
    void given_capabilities_in_another_order_then_there_is_no_difference() {
        ObjectNode reordered = IMPORTED.data().deepCopy();
        ((ObjectNode) reordered.get("details")).putArray("capabilities").add("SMS").add("VOICE");

        assertThat(compare(List.of(IMPORTED), stored(IMPORTED.withData(reordered)), 100)).isEmpty();
    }

    @Test
    @DisplayName("altered data is reported with the aggregate, the sequence and the member that differs")
    void given_an_altered_payload_then_the_differing_member_is_reported() {
        ObjectNode altered = IMPORTED.data().deepCopy().put("provider", "TELNYX");

        assertThat(compare(List.of(IMPORTED), stored(IMPORTED.withData(altered)), 100)).containsExactly(
                new Difference("n1", 0, "data.provider differs: topic \"TWILIO\", event store \"TELNYX\""));
    }

    @Test
    @DisplayName("a stored event missing on the topic is reported, unless it is newer than anything published")
    void given_stored_events_not_on_the_topic_then_only_the_published_range_is_reported() {
        List<StoredEvent> store = stored(IMPORTED, ACTIVATED, RELEASED);

        assertThat(compare(List.of(IMPORTED, RELEASED), store, RELEASED.globalPosition()))
                .extracting(Difference::sequence).containsExactly(1L);
        assertThat(compare(List.of(IMPORTED), store, IMPORTED.globalPosition())).isEmpty();
    }

    @Test
    @DisplayName("an event on the topic that the event store does not hold is reported")
    void given_an_event_only_on_the_topic_then_it_is_reported() {
        assertThat(compare(List.of(IMPORTED, ACTIVATED), stored(IMPORTED), 100)).containsExactly(
                new Difference("n1", 1, "on the topic (event " + ACTIVATED.id() + "), not in the event store"));
    }

    @Test
    @DisplayName("another event id or another type at the same sequence is reported")
    void given_another_event_at_a_sequence_then_id_and_type_are_reported() {
        TestEvent deactivated = numberDeactivated("n1", 1, "acme", "2026-11-01T09:01:00Z");

        assertThat(compare(List.of(IMPORTED, ACTIVATED), stored(IMPORTED, deactivated), 100))
                .extracting(Difference::what)
                .anyMatch(what -> what.startsWith("event id differs: topic " + ACTIVATED.id()))
                .anyMatch(what -> what.startsWith("type differs: topic io.switchboard.number.activated.v1,"
                        + " event store io.switchboard.api.number.NumberDeactivated"))
                .anyMatch(what -> what.startsWith("data.reason differs"));
    }

    private static List<Difference> compare(List<TestEvent> topic, List<StoredEvent> store, long publishedThrough) {
        SampledHistories sample = new SampledHistories(10);
        topic.forEach(event -> sample.add(event.parsed()));
        Map<String, List<StoredEvent>> byAggregate = store.stream()
                .collect(Collectors.groupingBy(StoredEvent::aggregateId));
        return StoreComparison.compare(List.of("n1"), sample.bySubject(), byAggregate, publishedThrough);
    }

    private static List<StoredEvent> stored(TestEvent... events) {
        List<StoredEvent> rows = new ArrayList<>();
        for (TestEvent event : events) {
            rows.add(new StoredEvent(event.globalPosition(), event.id(), event.subject(), event.sequence(),
                    event.payloadType(), event.payload()));
        }
        return rows;
    }
}
