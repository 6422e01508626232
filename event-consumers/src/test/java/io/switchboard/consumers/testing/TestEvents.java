package io.switchboard.consumers.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.consumers.stream.Json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Realistic events of numbers, assignments and calls, each with the next global position. Ids are derived from
 * subject, sequence and type, so a test can rebuild an event to publish it again.
 */
public final class TestEvents {

    public static final String CALL_COUNTED = "io.switchboard.assignment.call-counted.v1";

    private static final String E164 = "+442079460958";
    private static final AtomicLong GLOBAL_POSITION = new AtomicLong();

    private TestEvents() {
    }

    public static TestEvent numberImported(String numberId, long sequence, String orgId, String time) {
        ObjectNode details = Json.MAPPER.createObjectNode().put("label", "Front desk").putNull("webhookUrl");
        details.putArray("capabilities").add("VOICE").add("SMS");
        details.putObject("metadata").put("team", "sales");
        details.putObject("providerRefs");
        details.putObject("platformRefs");
        ObjectNode data = number(numberId, orgId).put("e164", E164)
                .put("country", "GB").put("numberType", "FIXED_LINE").put("provider", "TWILIO")
                .put("ownerUserId", "alice").putNull("clientId").putNull("credentialRef");
        data.set("details", details);
        data.put("importedBy", "alice");
        return number("imported", numberId, sequence, orgId, time, data);
    }

    public static TestEvent numberActivated(String numberId, long sequence, String orgId, String time) {
        return number("activated", numberId, sequence, orgId, time, number(numberId, orgId));
    }

    public static TestEvent numberDeactivated(String numberId, long sequence, String orgId, String time) {
        return number("deactivated", numberId, sequence, orgId, time,
                number(numberId, orgId).put("reason", "paused for the holidays"));
    }

    public static TestEvent numberReleased(String numberId, long sequence, String orgId, String time) {
        return number("released", numberId, sequence, orgId, time,
                number(numberId, orgId).put("e164", E164));
    }

    public static TestEvent assigned(String assignmentId, long sequence, String orgId, String numberId, String time) {
        ObjectNode data = assignment(assignmentId, orgId, numberId).put("agentId", "agent-1").put("dailyLimit", 100);
        data.putArray("allowedCountries").add("GB").add("IE");
        return event("io.switchboard.assignment.assigned.v1", "assignment", assignmentId, sequence, orgId, time,
                data);
    }

    /** A call counted against {@code day}, the org-local day, which may differ from the UTC day of {@code time}. */
    public static TestEvent callCounted(String assignmentId, long sequence, String orgId, String time, String day) {
        ObjectNode data = assignment(assignmentId, orgId, "number-of-" + assignmentId).put("agentId", "agent-1")
                .put("callId", "call-" + assignmentId + "-" + sequence).put("destination", "+353861234567")
                .put("day", day);
        return event(CALL_COUNTED, "assignment", assignmentId, sequence, orgId, time, data);
    }

    private static TestEvent number(String what, String numberId, long sequence, String orgId, String time,
                                    ObjectNode data) {
        return event("io.switchboard.number." + what + ".v1", "phone-number", numberId, sequence, orgId, time, data);
    }

    private static TestEvent event(String type, String aggregateType, String subject, long sequence, String orgId,
                                   String time, ObjectNode data) {
        String id = UUID.nameUUIDFromBytes((subject + "/" + sequence + "/" + type).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new TestEvent(id, type, aggregateType, subject, sequence, Instant.parse(time), orgId,
                GLOBAL_POSITION.incrementAndGet(), data);
    }

    private static ObjectNode number(String numberId, String orgId) {
        return Json.MAPPER.createObjectNode().put("numberId", numberId).put("orgId", orgId);
    }

    private static ObjectNode assignment(String assignmentId, String orgId, String numberId) {
        return Json.MAPPER.createObjectNode().put("assignmentId", assignmentId).put("numberId", numberId)
                .put("orgId", orgId);
    }
}
