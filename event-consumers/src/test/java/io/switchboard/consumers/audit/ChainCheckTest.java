package io.switchboard.consumers.audit;

import io.switchboard.api.stream.ChainHash;
import io.switchboard.api.stream.ChainedEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChainCheckTest {

    @Test
    @DisplayName("§5: intact chains of interleaved aggregates hold")
    void intactChainsHold() {
        ChainCheck check = new ChainCheck();
        List<ChainLink> first = chain("n-1", 4, 0);
        List<ChainLink> second = chain("n-2", 3, 100);
        for (int i = 0; i < 4; i++) {
            check.accept(first.get(i));
            if (i < 3) {
                check.accept(second.get(i));
            }
        }

        assertThat(check.breaks()).isEmpty();
        assertThat(check.links()).isEqualTo(7);
        assertThat(check.aggregates()).isEqualTo(2);
    }

    @Test
    @DisplayName("§5: an event changed after it was hashed breaks its own link and no other")
    void changedEventBreaksItsOwnLink() {
        List<ChainLink> links = chain("n-1", 4, 0);
        ChainLink original = links.get(2);
        ChainedEvent content = original.content();
        links.set(2, new ChainLink(new ChainedEvent(content.eventId(), content.aggregateId(), content.sequence(),
                content.type(), content.time(), content.actor(), content.correlationId(),
                json("{\"label\":\"Forged\"}")), original.hash(), original.globalPosition(), original.location()));

        ChainCheck check = check(links);

        assertThat(check.breaks()).singleElement().satisfies(broken -> {
            assertThat(broken.link()).isSameAs(links.get(2));
            assertThat(broken.toString()).contains("aggregate n-1 sequence 2", "global position 2",
                    "does not match its content");
        });
    }

    @Test
    @DisplayName("§5: a removed event breaks the link after the gap; a rewritten hash breaks its own link and the next")
    void removedOrRehashedEvents() {
        List<ChainLink> links = chain("n-1", 4, 0);
        List<ChainLink> withoutSecond = new ArrayList<>(links);
        withoutSecond.remove(1);
        List<ChainLink> rehashed = new ArrayList<>(links);
        ChainLink second = links.get(1);
        rehashed.set(1, new ChainLink(second.content(), "0".repeat(64), 1, second.location()));

        assertThat(check(withoutSecond).breaks()).singleElement()
                .satisfies(broken -> assertThat(broken.toString()).contains("sequence 2", "where sequence 1 should"));
        assertThat(check(rehashed).breaks()).extracting(broken -> broken.link().content().sequence())
                .containsExactly(1L, 2L);
    }

    @Test
    @DisplayName("§5: an event without a chain hash is a broken link; the first break is the lowest global position")
    void missingHash() {
        List<ChainLink> links = chain("n-1", 3, 50);
        List<ChainLink> others = chain("a-1", 2, 10);
        ChainLink unhashed = others.get(1);
        others.set(1, new ChainLink(unhashed.content(), null, unhashed.globalPosition(), unhashed.location()));
        ChainLink last = links.get(2);
        links.set(2, new ChainLink(last.content(), "f".repeat(64), last.globalPosition(), last.location()));

        ChainCheck check = check(links);
        others.forEach(check::accept);

        assertThat(check.breaks()).hasSize(2);
        assertThat(check.firstBreak()).get()
                .satisfies(broken -> assertThat(broken.toString()).contains("aggregate a-1 sequence 1", "no chain hash"));
    }

    private static ChainCheck check(List<ChainLink> links) {
        ChainCheck check = new ChainCheck();
        links.forEach(check::accept);
        return check;
    }

    /** {@code count} correctly chained events of one aggregate, at global positions from {@code firstPosition}. */
    private static List<ChainLink> chain(String aggregateId, int count, long firstPosition) {
        List<ChainLink> links = new ArrayList<>();
        String previous = ChainHash.GENESIS;
        for (int sequence = 0; sequence < count; sequence++) {
            ChainedEvent content = new ChainedEvent(aggregateId + "-event-" + sequence, aggregateId, sequence,
                    "io.switchboard.number.details-changed.v1", Instant.parse("2026-11-21T09:00:00Z").plusSeconds(sequence),
                    "alice", "req-" + sequence, json("{\"label\":\"Label " + sequence + "\"}"));
            previous = ChainHash.next(previous, content);
            links.add(new ChainLink(content, previous, firstPosition + sequence, "row " + (firstPosition + sequence)));
        }
        return links;
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
