package io.switchboard.consumers.billing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** A count per organization per day. In JSON: {@code {"<orgId>": {"<YYYY-MM-DD>": count}}}. */
final class DailyCounts {

    private final SortedMap<OrgDay, Long> counts = new TreeMap<>();

    DailyCounts() {
    }

    @JsonCreator
    DailyCounts(Map<String, Map<LocalDate, Long>> byOrg) {
        byOrg.forEach((orgId, days) -> days.forEach((day, count) -> add(orgId, day, count)));
    }

    void add(String orgId, LocalDate day, long count) {
        counts.merge(new OrgDay(orgId, day), count, Long::sum);
    }

    /** One more on every day from {@code first} through {@code last}; nothing when {@code first} is after it. */
    void addEachDay(String orgId, LocalDate first, LocalDate last) {
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            add(orgId, day, 1);
        }
    }

    long get(OrgDay orgDay) {
        return counts.getOrDefault(orgDay, 0L);
    }

    SortedSet<OrgDay> days() {
        return new TreeSet<>(counts.keySet());
    }

    DailyCounts copy() {
        DailyCounts copy = new DailyCounts();
        copy.counts.putAll(counts);
        return copy;
    }

    @JsonValue
    Map<String, Map<LocalDate, Long>> byOrg() {
        Map<String, Map<LocalDate, Long>> byOrg = new TreeMap<>();
        counts.forEach((orgDay, count) -> byOrg.computeIfAbsent(orgDay.orgId(), org -> new TreeMap<>())
                .put(orgDay.day(), count));
        return byOrg;
    }
}
