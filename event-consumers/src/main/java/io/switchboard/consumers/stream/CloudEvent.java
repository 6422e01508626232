package io.switchboard.consumers.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.stream.ChainedEvent;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import static io.switchboard.api.stream.CloudEventAttributes.*;

/**
 * One Switchboard event as published on Kafka: the CloudEvents attributes and extensions the consumers use, and
 * the event's {@code data}. {@code actor}, {@code correlationId} and {@code chainHash} are null when the event has
 * none.
 */
public record CloudEvent(String id, String type, String subject, Instant time, String orgId, String aggregateType,
                         long aggregateSequence, long globalPosition, String actor, String correlationId,
                         String chainHash, JsonNode data) {

    /** Reads a record value written in structured content mode (the whole event as one JSON object). */
    public static CloudEvent parse(byte[] value) {
        JsonNode json = readTree(value);
        if (!"1.0".equals(json.path(SPEC_VERSION).asText())) {
            throw new MalformedEventException("not a CloudEvents 1.0 event");
        }
        JsonNode data = json.path(DATA);
        if (!data.isObject()) {
            throw new MalformedEventException("no data object");
        }
        return new CloudEvent(text(json, ID), text(json, TYPE), text(json, SUBJECT), time(json),
                text(json, ORG_ID), text(json, AGGREGATE_TYPE), number(json, AGGREGATE_SEQUENCE),
                number(json, GLOBAL_POSITION), json.path(ACTOR).textValue(), json.path(CORRELATION_ID).textValue(),
                json.path(CHAIN_HASH).textValue(), data);
    }

    /** What this event's chain hash covers ({@link io.switchboard.api.stream.ChainHash}). */
    public ChainedEvent chainedContent() {
        try {
            return new ChainedEvent(id, subject, aggregateSequence, type, time, actor, correlationId,
                    Json.MAPPER.writeValueAsBytes(data));
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("data cannot be written back as JSON: " + e.getMessage());
        }
    }

    private static JsonNode readTree(byte[] value) {
        try {
            JsonNode json = value == null ? null : Json.MAPPER.readTree(value);
            if (json == null || !json.isObject()) {
                throw new MalformedEventException("not a JSON object");
            }
            return json;
        } catch (IOException e) {
            throw new MalformedEventException("not JSON: " + e.getMessage());
        }
    }

    private static String text(JsonNode json, String name) {
        String text = json.path(name).textValue();
        if (text == null || text.isEmpty()) {
            throw new MalformedEventException("no " + name);
        }
        return text;
    }

    private static long number(JsonNode json, String name) {
        JsonNode number = json.path(name);
        if (!number.isIntegralNumber() || !number.canConvertToLong()) {
            throw new MalformedEventException("no integer " + name);
        }
        return number.longValue();
    }

    private static Instant time(JsonNode json) {
        try {
            return OffsetDateTime.parse(text(json, TIME)).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("time is not RFC 3339: " + json.path(TIME).asText());
        }
    }
}
