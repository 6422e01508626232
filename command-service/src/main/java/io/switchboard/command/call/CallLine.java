package io.switchboard.command.call;

import io.switchboard.api.assignment.AllowedCountries;
import io.switchboard.api.number.NumberStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** A held number as a call sees it: its status, its current assignment and that assignment's capacity. */
record CallLine(String numberId, String e164, String ownerUserId, NumberStatus status, String country,
                String assignmentId, String agentId, Integer dailyLimit, AllowedCountries allowedCountries,
                String callsDay, int callsThatDay, ZoneId timeZone) {

    /** R17: the org's local calendar day at {@code clock}'s instant; no reset job, the day simply turns. */
    String day(Clock clock) {
        return LocalDate.now(clock.withZone(timeZone)).toString();
    }

    boolean assigned() {
        return assignmentId != null;
    }

    /** R17: what is left of the daily limit on the org-local {@code day}. */
    int remaining(String day) {
        return dailyLimit == null ? 0 : Math.max(0, dailyLimit - (day.equals(callsDay) ? callsThatDay : 0));
    }

    boolean allows(String destinationCountry) {
        return allowedCountries != null && allowedCountries.allows(destinationCountry);
    }
}
