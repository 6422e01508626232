package io.switchboard.consumers.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.consumers.stream.CloudEvent;
import io.switchboard.consumers.stream.Json;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One number's history rebuilt from the topic alone (SPEC §5): the number's own events and the events of its
 * assignments, each once (redeliveries dropped by event id), in event-store order, with the fields the query
 * service's {@code GET /phone-numbers/{id}/history} answers. Calls only when asked, as there.
 */
final class NumberHistoryReplay {

    private static final String ASSIGNMENT = "assignment";
    private static final String CALL_TYPE_PREFIX = "io.switchboard.assignment.call-";

    private final String numberId;
    private final boolean withCalls;
    private final Map<String, CloudEvent> byId = new LinkedHashMap<>();

    NumberHistoryReplay(String numberId, boolean withCalls) {
        this.numberId = numberId;
        this.withCalls = withCalls;
    }

    void accept(CloudEvent event) {
        if (belongs(event)) {
            byId.putIfAbsent(event.id(), event);
        }
    }

    private boolean belongs(CloudEvent event) {
        if (event.subject().equals(numberId)) {
            return true;
        }
        return ASSIGNMENT.equals(event.aggregateType()) && numberId.equals(event.data().path("numberId").textValue())
                && (withCalls || !event.type().startsWith(CALL_TYPE_PREFIX));
    }

    /** The history, oldest first, one JSON object per event. */
    List<ObjectNode> entries() {
        return byId.values().stream().sorted(Comparator.comparingLong(CloudEvent::globalPosition))
                .map(NumberHistoryReplay::entry).toList();
    }

    private static ObjectNode entry(CloudEvent event) {
        ObjectNode entry = Json.MAPPER.createObjectNode()
                .put("id", event.id())
                .put("position", event.globalPosition())
                .put("type", event.type())
                .put("time", event.time().toString())
                .put("aggregateType", event.aggregateType())
                .put("aggregateId", event.subject())
                .put("version", event.aggregateSequence())
                .put("orgId", event.orgId())
                .put("actor", event.actor())
                .put("correlationId", event.correlationId());
        entry.set("data", event.data());
        return entry;
    }
}
