package io.switchboard.consumers.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.stream.EventTypes;
import io.switchboard.consumers.stream.CloudEvent;
import io.switchboard.consumers.stream.Json;
import io.switchboard.consumers.stream.ReceivedEvent;
import io.switchboard.consumers.stream.RecordPosition;

import java.io.UncheckedIOException;
import java.time.Instant;

import static io.switchboard.api.stream.CloudEventAttributes.*;

/** An event as the publisher writes it. Publishing the same instance twice is a redelivery: same id, same bytes. */
public record TestEvent(String id, String type, String aggregateType, String subject, long sequence, Instant time,
                        String orgId, long globalPosition, ObjectNode data) {

    public byte[] json() {
        ObjectNode event = Json.MAPPER.createObjectNode()
                .put(SPEC_VERSION, "1.0")
                .put(ID, id)
                .put(SOURCE_ATTRIBUTE, SOURCE)
                .put(TYPE, type)
                .put(SUBJECT, subject)
                .put(TIME, time.toString())
                .put(DATA_CONTENT_TYPE, "application/json")
                .put(ORG_ID, orgId)
                .put(AGGREGATE_TYPE, aggregateType)
                .put(AGGREGATE_SEQUENCE, sequence)
                .put(GLOBAL_POSITION, globalPosition)
                .put(ACTOR, "alice");
        event.set(DATA, data);
        try {
            return Json.MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data as the event store holds it: the JSON of the shared-api record. */
    public byte[] payload() {
        try {
            return Json.MAPPER.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Java class the event store names for this type. */
    public String payloadType() {
        return EventTypes.all().entrySet().stream()
                .filter(published -> published.getValue().name().equals(type))
                .map(published -> published.getKey().getName())
                .findFirst().orElseThrow(() -> new IllegalStateException("no Java class publishes " + type));
    }

    public CloudEvent parsed() {
        return CloudEvent.parse(json());
    }

    public ReceivedEvent readAt(int partition, long offset) {
        return new ReceivedEvent(new RecordPosition(partition, offset), parsed());
    }

    /** The same event with other data: what a publisher bug or a tampered store would show. */
    public TestEvent withData(ObjectNode otherData) {
        return new TestEvent(id, type, aggregateType, subject, sequence, time, orgId, globalPosition, otherData);
    }
}
