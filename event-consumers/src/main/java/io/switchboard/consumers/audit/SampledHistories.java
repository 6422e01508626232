package io.switchboard.consumers.audit;

import io.switchboard.consumers.stream.CloudEvent;

import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The topic's events of the first {@code size} aggregates in subject order, by sequence: the sample compared with
 * the event store. Kept while reading, so the topic is read once and only the sample stays in memory.
 */
final class SampledHistories {

    private final int size;
    private final TreeMap<String, NavigableMap<Long, CloudEvent>> bySubject = new TreeMap<>();

    SampledHistories(int size) {
        this.size = size;
    }

    /** Takes a new (not redelivered) event; the first one at a sequence stays. */
    void add(CloudEvent event) {
        String subject = event.subject();
        if (!bySubject.containsKey(subject)) {
            if (bySubject.size() == size) {
                if (subject.compareTo(bySubject.lastKey()) > 0) {
                    return;
                }
                bySubject.pollLastEntry();
            }
            bySubject.put(subject, new TreeMap<>());
        }
        bySubject.get(subject).putIfAbsent(event.aggregateSequence(), event);
    }

    SortedMap<String, NavigableMap<Long, CloudEvent>> bySubject() {
        return bySubject;
    }
}
