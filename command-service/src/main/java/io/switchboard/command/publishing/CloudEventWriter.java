package io.switchboard.command.publishing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.stream.EventMetadata;
import io.switchboard.api.stream.EventTypes;
import org.axonframework.eventhandling.DomainEventMessage;

import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

import static io.switchboard.api.stream.CloudEventAttributes.*;

/**
 * Turns a stored event into a CloudEvents 1.0 JSON document (structured content mode). {@code data} is the same
 * JSON the event store holds; the type name comes from the published catalog, never from the Java class.
 */
class CloudEventWriter {

    private final ObjectMapper json;

    CloudEventWriter(ObjectMapper json) {
        this.json = json;
    }

    byte[] write(DomainEventMessage<?> event, long globalPosition) {
        EventTypes.EventType type = EventTypes.published(event.getPayloadType());
        ObjectNode data = json.valueToTree(event.getPayload());
        ObjectNode cloudEvent = json.createObjectNode()
                .put(SPEC_VERSION, "1.0")
                .put(ID, event.getIdentifier())
                .put(SOURCE_ATTRIBUTE, SOURCE)
                .put(TYPE, type.name())
                .put(SUBJECT, event.getAggregateIdentifier())
                .put(TIME, DateTimeFormatter.ISO_INSTANT.format(event.getTimestamp()))
                .put(DATA_CONTENT_TYPE, "application/json")
                .put(ORG_ID, data.path("orgId").asText())
                .put(AGGREGATE_TYPE, type.aggregateType().published())
                .put(AGGREGATE_SEQUENCE, event.getSequenceNumber())
                .put(GLOBAL_POSITION, globalPosition);
        putIfPresent(cloudEvent, ACTOR, event.getMetaData().get(EventMetadata.ACTOR_ID));
        putIfPresent(cloudEvent, CORRELATION_ID, event.getMetaData().get(EventMetadata.CORRELATION_ID));
        putIfPresent(cloudEvent, CHAIN_HASH, event.getMetaData().get(EventMetadata.CHAIN_HASH));
        cloudEvent.set(DATA, data);
        try {
            return json.writeValueAsBytes(cloudEvent);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putIfPresent(ObjectNode node, String name, Object value) {
        if (value != null) {
            node.put(name, value.toString());
        }
    }
}
