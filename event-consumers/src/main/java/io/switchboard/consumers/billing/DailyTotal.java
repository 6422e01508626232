package io.switchboard.consumers.billing;

import java.time.LocalDate;

/** What one organization is billed for one UTC day: numbers held that day, and calls counted against it. */
public record DailyTotal(String orgId, LocalDate day, long numberDays, long callsCounted) {
}
