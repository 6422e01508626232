package io.switchboard.consumers.billing;

import java.time.LocalDate;
import java.util.Comparator;

/** One organization's calendar day: what billing totals are kept per. */
record OrgDay(String orgId, LocalDate day) implements Comparable<OrgDay> {

    private static final Comparator<OrgDay> ORDER = Comparator.comparing(OrgDay::orgId).thenComparing(OrgDay::day);

    @Override
    public int compareTo(OrgDay other) {
        return ORDER.compare(this, other);
    }
}
