package io.switchboard.api.stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChainHashTest {

    private static final ChainedEvent IMPORTED = new ChainedEvent("8f0c3c1e-4a52-4d33-9a47-0d6b8e1f2a10", "n-1", 0,
            "io.switchboard.number.imported.v1", Instant.parse("2026-11-21T09:00:00.123Z"), "alice", "req-1",
            json("{\"orgId\":\"acme\",\"e164\":\"+12025550123\",\"capabilities\":[\"VOICE\",\"SMS\"],\"limit\":3}"));

    @Test
    @DisplayName("§5: the chain hash is pinned: docs/events.md's recipe in Python gives the same value")
    void pinnedValue() {
        assertThat(ChainHash.next(ChainHash.GENESIS, IMPORTED))
                .isEqualTo("29d419f8d547062043740ee1d1fd3c6a8f61d8b9af1ec9f492d831c1f05f7206");
    }

    @Test
    @DisplayName("§5: the data's key order, spacing and set order do not change the hash; its values do")
    void canonicalData() {
        ChainedEvent reordered = withData(json(
                "{ \"limit\": 3, \"capabilities\": [\"VOICE\", \"SMS\"], \"e164\": \"+12025550123\", \"orgId\": \"acme\" }"));
        ChainedEvent arrayReordered = withData(json(
                "{\"orgId\":\"acme\",\"e164\":\"+12025550123\",\"capabilities\":[\"SMS\",\"VOICE\"],\"limit\":3}"));
        ChainedEvent valueChanged = withData(json(
                "{\"orgId\":\"acme\",\"e164\":\"+12025550124\",\"capabilities\":[\"VOICE\",\"SMS\"],\"limit\":3}"));

        String hash = ChainHash.next(ChainHash.GENESIS, IMPORTED);
        assertThat(ChainHash.next(ChainHash.GENESIS, reordered)).isEqualTo(hash);
        // an event's arrays are Java sets: read back from the store, a set may iterate in another order
        assertThat(ChainHash.next(ChainHash.GENESIS, arrayReordered)).isEqualTo(hash);
        assertThat(ChainHash.next(ChainHash.GENESIS, valueChanged)).isNotEqualTo(hash);
    }

    @Test
    @DisplayName("§5: every covered fact, and the previous link, changes the hash")
    void everyFieldCounts() {
        Instant time = IMPORTED.time();
        byte[] data = IMPORTED.data();
        List<ChainedEvent> variants = List.of(
                new ChainedEvent("other-id", "n-1", 0, IMPORTED.type(), time, "alice", "req-1", data),
                new ChainedEvent(IMPORTED.eventId(), "n-2", 0, IMPORTED.type(), time, "alice", "req-1", data),
                new ChainedEvent(IMPORTED.eventId(), "n-1", 1, IMPORTED.type(), time, "alice", "req-1", data),
                new ChainedEvent(IMPORTED.eventId(), "n-1", 0, "io.switchboard.number.released.v1", time, "alice",
                        "req-1", data),
                new ChainedEvent(IMPORTED.eventId(), "n-1", 0, IMPORTED.type(), time.plusMillis(1), "alice", "req-1",
                        data),
                new ChainedEvent(IMPORTED.eventId(), "n-1", 0, IMPORTED.type(), time, "mallory", "req-1", data),
                new ChainedEvent(IMPORTED.eventId(), "n-1", 0, IMPORTED.type(), time, null, "req-1", data),
                new ChainedEvent(IMPORTED.eventId(), "n-1", 0, IMPORTED.type(), time, "alice", "req-2", data));

        String hash = ChainHash.next(ChainHash.GENESIS, IMPORTED);
        assertThat(variants).allSatisfy(variant -> assertThat(ChainHash.next(ChainHash.GENESIS, variant))
                .as(variant.toString()).isNotEqualTo(hash));
        assertThat(ChainHash.next(hash, IMPORTED)).isNotEqualTo(hash);
    }

    @Test
    @DisplayName("§5: fields are length-prefixed: moving characters from one field to the next changes the hash")
    void fieldsDoNotRunTogether() {
        ChainedEvent split = new ChainedEvent("ab", "c", 0, "t", IMPORTED.time(), null, null, json("{}"));
        ChainedEvent shifted = new ChainedEvent("a", "bc", 0, "t", IMPORTED.time(), null, null, json("{}"));

        assertThat(ChainHash.next(ChainHash.GENESIS, split)).isNotEqualTo(ChainHash.next(ChainHash.GENESIS, shifted));
    }

    @Test
    @DisplayName("§5: time counts to the millisecond, as the event store keeps it")
    void timeInMilliseconds() {
        ChainedEvent finer = new ChainedEvent(IMPORTED.eventId(), "n-1", 0, IMPORTED.type(),
                IMPORTED.time().plusNanos(456_789), "alice", "req-1", IMPORTED.data());

        assertThat(ChainHash.next(ChainHash.GENESIS, finer)).isEqualTo(ChainHash.next(ChainHash.GENESIS, IMPORTED));
    }

    private static ChainedEvent withData(byte[] data) {
        return new ChainedEvent(IMPORTED.eventId(), IMPORTED.aggregateId(), IMPORTED.sequence(), IMPORTED.type(),
                IMPORTED.time(), IMPORTED.actor(), IMPORTED.correlationId(), data);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
