package io.switchboard.consumers.billing;

import java.time.LocalDate;

/**
 * Who holds or last held a number. {@code countFrom} is the first day not yet counted for {@code orgId}: the day
 * of the import, or, after a release, the day after it.
 */
record Holding(String orgId, LocalDate countFrom, boolean held) {
}
