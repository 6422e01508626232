package io.switchboard.api.assignment;

/**
 * The reply to a counted call (R14-R16): the number to call from, and what is left of its limit that day. A
 * refused call answers a problem whose code is the {@link CallRefusal}. {@code position} is the event-store
 * position of the decision (for {@code X-Min-Position}).
 */
public record CallAnswer(
        String callId,
        String fromNumber,
        String numberId,
        String assignmentId,
        String agentId,
        String destination,
        String day,
        int callsThatDay,
        int dailyLimit,
        int remaining,
        long position) {
}
