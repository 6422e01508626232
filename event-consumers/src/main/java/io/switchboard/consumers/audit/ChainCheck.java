package io.switchboard.consumers.audit;

import io.switchboard.api.stream.ChainHash;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recomputes each aggregate's tamper-evident chain from the events fed to it, each aggregate's in sequence order.
 * Every link is checked against the hash its predecessor carries, so a changed event breaks exactly its own link,
 * and a removed one breaks the link after the gap.
 */
final class ChainCheck {

    /** Where an aggregate's chain stands: the sequence and hash (null when it carries none) of its newest event. */
    record Head(long sequence, String hash) {
    }

    private final Map<String, Head> heads = new HashMap<>();
    private final List<ChainBreak> breaks = new ArrayList<>();
    private long links;

    void accept(ChainLink link) {
        links++;
        String aggregateId = link.content().aggregateId();
        long sequence = link.content().sequence();
        Head head = heads.get(aggregateId);
        long expected = head == null ? 0 : head.sequence() + 1;
        if (link.hash() == null) {
            breaks.add(new ChainBreak(link, "carries no chain hash (stored before chaining began, or stripped since)"));
        } else if (sequence != expected) {
            breaks.add(new ChainBreak(link, "comes where sequence " + expected + " should: an event is missing or"
                    + " out of order"));
        } else if (!link.hash().equals(ChainHash.next(head == null || head.hash() == null ? ChainHash.GENESIS
                : head.hash(), link.content()))) {
            breaks.add(new ChainBreak(link, "its hash does not match its content chained to the hash before it"));
        }
        heads.put(aggregateId, new Head(sequence, link.hash()));
    }

    /** A link that differs from another copy of the same chain, found outside this check. */
    void broken(ChainLink link, String problem) {
        breaks.add(new ChainBreak(link, problem));
    }

    /** In the order of the event store's global positions. */
    List<ChainBreak> breaks() {
        return breaks.stream().sorted(Comparator.comparingLong(broken -> broken.link().globalPosition())).toList();
    }

    Optional<ChainBreak> firstBreak() {
        return breaks().stream().findFirst();
    }

    Map<String, Head> heads() {
        return heads;
    }

    long links() {
        return links;
    }

    int aggregates() {
        return heads.size();
    }
}
