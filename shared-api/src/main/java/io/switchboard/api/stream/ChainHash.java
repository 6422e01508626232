package io.switchboard.api.stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tamper-evident chain of each aggregate's events. An event's hash is SHA-256 over the previous event's hash
 * (the empty string before sequence 0) and the event's id, aggregate id, sequence, published type, time in epoch
 * milliseconds, actor, correlation id and data as canonical JSON (object keys sorted, arrays, which are sets,
 * sorted by their elements' canonical JSON, no spaces), each field
 * length-prefixed so no two different events hash alike. The command service stores it in the event's metadata
 * ({@link EventMetadata#CHAIN_HASH}) and publishes it as the CloudEvents extension {@code chainhash}; anyone holding the
 * events can recompute every link, and a changed event, or a removed one, breaks the chain where it was.
 */
public final class ChainHash {

    /** The "previous hash" of an aggregate's first event. */
    public static final String GENESIS = "";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ChainHash() {
    }

    /** The hash of {@code event}, chained to {@code previous}: 64 lower-case hex digits. */
    public static String next(String previous, ChainedEvent event) {
        MessageDigest sha256 = sha256();
        update(sha256, previous);
        update(sha256, event.eventId());
        update(sha256, event.aggregateId());
        update(sha256, Long.toString(event.sequence()));
        update(sha256, event.type());
        update(sha256, Long.toString(event.time().toEpochMilli()));
        update(sha256, event.actor() == null ? "" : event.actor());
        update(sha256, event.correlationId() == null ? "" : event.correlationId());
        update(sha256, canonical(event.data()));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** {@code json} with every object's keys in sorted order and no whitespace. */
    static byte[] canonical(byte[] json) {
        try {
            return JSON.writeValueAsBytes(sorted(JSON.readTree(json)));
        } catch (IOException e) {
            throw new UncheckedIOException("event data is not JSON", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(field -> fields.put(field.getKey(), sorted(field.getValue())));
            ObjectNode sorted = JSON.createObjectNode();
            sorted.setAll(fields);
            return sorted;
        }
        if (node.isArray()) {
            // every array of an event is a Java set (docs/events.md): its order is not the event's, and a set read
            // back from the store iterates in another order than the one that was written
            Map<String, JsonNode> elements = new TreeMap<>();
            node.forEach(element -> {
                JsonNode canonical = sorted(element);
                elements.put(text(canonical), canonical);
            });
            ArrayNode sorted = JSON.createArrayNode();
            elements.values().forEach(sorted::add);
            return sorted;
        }
        return node;
    }

    private static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void update(MessageDigest sha256, String field) {
        update(sha256, field.getBytes(StandardCharsets.UTF_8));
    }

    private static void update(MessageDigest sha256, byte[] field) {
        sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(field.length).array());
        sha256.update(field);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
