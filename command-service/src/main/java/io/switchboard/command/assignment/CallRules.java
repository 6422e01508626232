package io.switchboard.command.assignment;

import io.switchboard.api.assignment.AllowedCountries;
import io.switchboard.api.assignment.CallRefusal;
import io.switchboard.api.assignment.CountCall;

import java.util.Optional;

/** R15: whether a call may be counted on an assignment, free of any framework. */
final class CallRules {

    private CallRules() {
    }

    /** The state of an assignment that a call decision reads. */
    record Line(boolean ended, String agentId, AllowedCountries allowedCountries, int dailyLimit, int callsThatDay) {
    }

    /** Empty when the call counts; otherwise the first reason, in the order a dialer can act on. */
    static Optional<CallRefusal> refusal(CountCall call, Line line) {
        if (line.ended()) {
            return Optional.of(CallRefusal.NOT_ASSIGNED);
        }
        if (!call.numberActive()) {
            return Optional.of(CallRefusal.NUMBER_INACTIVE);
        }
        if (call.agentId() != null && !call.agentId().equals(line.agentId())) {
            return Optional.of(CallRefusal.AGENT_MISMATCH);
        }
        if (!line.allowedCountries().allows(call.destinationCountry())) {
            return Optional.of(CallRefusal.COUNTRY_NOT_ALLOWED);
        }
        if (line.callsThatDay() >= line.dailyLimit()) {
            return Optional.of(CallRefusal.DAILY_LIMIT_REACHED);
        }
        return Optional.empty();
    }

    /**
     * R17: counts restart on a new org-local day by construction. A call stamped with an earlier day than the
     * latest one counted (a clock behind another instance's) counts against the latest day.
     */
    static String effectiveDay(String callDay, String latestDay) {
        return latestDay == null || callDay.compareTo(latestDay) > 0 ? callDay : latestDay;
    }
}
