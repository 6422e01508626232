package io.switchboard.consumers.billing;

import io.switchboard.api.number.NumberImported;
import io.switchboard.api.number.NumberReleased;
import io.switchboard.api.stream.EventTypes;
import io.switchboard.consumers.stream.CloudEvent;
import io.switchboard.consumers.stream.MalformedEventException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What each organization is billed per UTC day, from the event stream alone: number-days (a number counts once
 * for an organization on each day it held the number at any moment) and calls counted. Applying an event twice
 * changes nothing, and the totals depend only on which events were applied, so a replay from offset 0 gives the
 * same totals as the run that read each event once.
 */
public final class BillingLedger {

    static final String NUMBER_IMPORTED = EventTypes.of(NumberImported.class).orElseThrow().name();
    static final String NUMBER_RELEASED = EventTypes.of(NumberReleased.class).orElseThrow().name();
    /** Published by the call hot path; {@code data.day} is the org-local day the call counts against. */
    static final String CALL_COUNTED = "io.switchboard.assignment.call-counted.v1";

    private final Set<String> seenEventIds;
    private final Map<String, Holding> holdingsByNumber;
    private final DailyCounts closedNumberDays;
    private final DailyCounts callsCounted;
    private Instant latestEventTime;

    public BillingLedger() {
        this(new Snapshot(Set.of(), Map.of(), new DailyCounts(), new DailyCounts(), null));
    }

    BillingLedger(Snapshot snapshot) {
        seenEventIds = new HashSet<>(snapshot.seenEventIds());
        holdingsByNumber = new HashMap<>(snapshot.holdingsByNumber());
        closedNumberDays = snapshot.closedNumberDays().copy();
        callsCounted = snapshot.callsCounted().copy();
        latestEventTime = snapshot.latestEventTime();
    }

    /**
     * @return false when the event was applied before (a redelivery), which then changes nothing
     * @throws MalformedEventException when a billed event lacks what billing needs; nothing changes then either
     */
    public boolean apply(CloudEvent event) {
        if (seenEventIds.contains(event.id())) {
            return false;
        }
        if (NUMBER_IMPORTED.equals(event.type())) {
            imported(event.subject(), event.orgId(), utcDay(event.time()));
        } else if (NUMBER_RELEASED.equals(event.type())) {
            released(event.subject(), utcDay(event.time()));
        } else if (CALL_COUNTED.equals(event.type())) {
            callsCounted.add(event.orgId(), callDay(event), 1);
        }
        seenEventIds.add(event.id());
        if (latestEventTime == null || event.time().isAfter(latestEventTime)) {
            latestEventTime = event.time();
        }
        return true;
    }

    /**
     * Every organization's day with a number held or a call counted, by organization then day. A number still
     * held counts through the day of the latest event seen (not the wall clock), so the totals are reproducible.
     */
    public List<DailyTotal> totals() {
        DailyCounts numberDays = closedNumberDays.copy();
        if (latestEventTime != null) {
            LocalDate today = utcDay(latestEventTime);
            holdingsByNumber.values().stream().filter(Holding::held)
                    .forEach(holding -> numberDays.addEachDay(holding.orgId(), holding.countFrom(), today));
        }
        SortedSet<OrgDay> days = new TreeSet<>(numberDays.days());
        days.addAll(callsCounted.days());
        return days.stream()
                .map(day -> new DailyTotal(day.orgId(), day.day(), numberDays.get(day), callsCounted.get(day)))
                .toList();
    }

    Snapshot snapshot() {
        return new Snapshot(Set.copyOf(seenEventIds), Map.copyOf(holdingsByNumber), closedNumberDays.copy(),
                callsCounted.copy(), latestEventTime);
    }

    private void imported(String numberId, String orgId, LocalDate day) {
        Holding previous = holdingsByNumber.get(numberId);
        // the same organization taking the number back on the day it released it: that day is counted already
        boolean dayCounted = previous != null && previous.orgId().equals(orgId) && previous.countFrom().isAfter(day);
        holdingsByNumber.put(numberId, new Holding(orgId, dayCounted ? previous.countFrom() : day, true));
    }

    private void released(String numberId, LocalDate day) {
        Holding holding = holdingsByNumber.get(numberId);
        if (holding == null || !holding.held()) {
            return;
        }
        closedNumberDays.addEachDay(holding.orgId(), holding.countFrom(), day);
        holdingsByNumber.put(numberId, new Holding(holding.orgId(), day.plusDays(1), false));
    }

    private static LocalDate callDay(CloudEvent event) {
        try {
            return LocalDate.parse(event.data().path("day").asText());
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(CALL_COUNTED + " " + event.id() + " has no data.day (YYYY-MM-DD)");
        }
    }

    private static LocalDate utcDay(Instant time) {
        return LocalDate.ofInstant(time, ZoneOffset.UTC);
    }

    /** Everything the ledger knows, as kept in the state file. */
    record Snapshot(Set<String> seenEventIds, Map<String, Holding> holdingsByNumber,
                    DailyCounts closedNumberDays, DailyCounts callsCounted, Instant latestEventTime) {
    }
}
