package io.switchboard.consumers.audit;

import io.switchboard.consumers.stream.CloudEvent;
import io.switchboard.consumers.stream.ReceivedEvent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Per aggregate (the CloudEvents subject), the sequences must run 0, 1, 2, ... in topic order once redeliveries
 * (an event id seen before) are dropped. Finds the first broken link of each aggregate.
 */
final class SequenceCheck {

    private final Set<String> seenEventIds = new HashSet<>();
    private final Map<String, Long> nextSequence = new HashMap<>();
    private final Map<String, BrokenLink> firstBreaks = new TreeMap<>();
    private long redeliveries;

    /** @return false for a redelivery, which is ignored */
    boolean accept(ReceivedEvent received) {
        CloudEvent event = received.event();
        if (!seenEventIds.add(event.id())) {
            redeliveries++;
            return false;
        }
        long expected = nextSequence.getOrDefault(event.subject(), 0L);
        if (event.aggregateSequence() == expected) {
            nextSequence.put(event.subject(), expected + 1);
        } else {
            nextSequence.putIfAbsent(event.subject(), expected);
            firstBreaks.putIfAbsent(event.subject(), new BrokenLink(event.subject(), expected,
                    event.aggregateSequence(), event.id(), received.position()));
        }
        return true;
    }

    /** By subject. */
    List<BrokenLink> brokenLinks() {
        return List.copyOf(firstBreaks.values());
    }

    int aggregates() {
        return nextSequence.size();
    }

    long redeliveries() {
        return redeliveries;
    }
}
