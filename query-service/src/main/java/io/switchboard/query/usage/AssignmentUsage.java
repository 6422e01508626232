package io.switchboard.query.usage;

import io.switchboard.api.assignment.CallRefusal;

import java.util.Map;

/**
 * One assignment's calls on one org-local day (R15, R17): counted, refused by reason (every reason, 0 when none),
 * the daily limit and what remains of it. {@code e164} and {@code agentName}, and {@code dailyLimit} and
 * {@code remaining} of a day without a counted call, are null only while the other read models catch up.
 */
public record AssignmentUsage(
        String assignmentId,
        String numberId,
        String e164,
        String agentId,
        String agentName,
        int callsCounted,
        Map<CallRefusal, Integer> callsRefused,
        Integer dailyLimit,
        Integer remaining) {
}
