package io.switchboard.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Valid JSON for a schema: the named fields the world knows get its values ({@link FieldValues}), the others what
 * the schema allows (type, enum, format, pattern, lengths, bounds, required). It notes every value it places, so that
 * one of them can be spoiled.
 */
final class SchemaValues {

    /** A value inside a generated body: a field of an object or an element of an array, and its schema. */
    record Site(JsonNode container, String field, int index, JsonNode schema) {
        void replace(JsonNode value) {
            if (container instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }

        String where() {
            return container instanceof ObjectNode ? field : "[" + index + "]";
        }
    }

    /** An object of the body and its schema: where a required field can go missing or an unknown one appear. */
    record ObjectSite(ObjectNode object, JsonNode schema) {
    }

    /** A generated value, the values inside it and its objects. */
    record Generated(JsonNode value, List<Site> sites, List<ObjectSite> objects) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Lengths and sizes a valid value is drawn within when the schema allows more. */
    private static final int LONGEST_TEXT = 24;
    private static final int MOST_ITEMS = 3;

    private final Draw draw;
    private final FieldValues fields;

    SchemaValues(Draw draw, FieldValues fields) {
        this.draw = draw;
        this.fields = fields;
    }

    Generated generate(String name, JsonNode schema) {
        List<Site> sites = new ArrayList<>();
        List<ObjectSite> objects = new ArrayList<>();
        return new Generated(value(name, schema, sites, objects), sites, objects);
    }

    /** A valid value without the bookkeeping: for parameters. */
    JsonNode value(String name, JsonNode schema) {
        return value(name, schema, new ArrayList<>(), new ArrayList<>());
    }

    private JsonNode value(String name, JsonNode schema, List<Site> sites, List<ObjectSite> objects) {
        String type = schema.path("type").asText("string");
        if (!type.equals("array") && !type.equals("object")) {
            return fields.valid(name, schema).orElseGet(() -> scalar(schema, type));
        }
        return type.equals("array") ? array(name, schema, sites, objects) : object(schema, sites, objects);
    }

    private ObjectNode object(JsonNode schema, List<Site> sites, List<ObjectSite> objects) {
        ObjectNode object = NODES.objectNode();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(field -> required.add(field.asText()));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            if (required.contains(property.getKey()) || draw.chance(0.5)) {
                object.set(property.getKey(), value(property.getKey(), property.getValue(), sites, objects));
                sites.add(new Site(object, property.getKey(), -1, property.getValue()));
            }
        }
        JsonNode entries = schema.path("additionalProperties");
        if (entries.isObject()) {
            for (int i = draw.between(0, MOST_ITEMS); i > 0; i--) {
                String key = "k" + i;
                object.set(key, value(key, entries, sites, objects));
                sites.add(new Site(object, key, -1, entries));
            }
        }
        objects.add(new ObjectSite(object, schema));
        return object;
    }

    private ArrayNode array(String name, JsonNode schema, List<Site> sites, List<ObjectSite> objects) {
        // empty arrays are for the mutations to send: a valid one has an item where it may
        int max = Math.min(schema.path("maxItems").asInt(MOST_ITEMS), MOST_ITEMS);
        int min = Math.min(Math.max(schema.path("minItems").asInt(0), 1), max);
        int size = draw.between(min, Math.max(min, max));
        JsonNode items = schema.path("items");
        ArrayNode array = NODES.arrayNode();
        Set<JsonNode> seen = new HashSet<>();
        for (int tries = 0; array.size() < size && tries < size * 4; tries++) {
            List<Site> itemSites = new ArrayList<>();
            List<ObjectSite> itemObjects = new ArrayList<>();
            JsonNode item = value(name, items, itemSites, itemObjects);
            if (!schema.path("uniqueItems").asBoolean(false) || seen.add(item)) {
                array.add(item);
                sites.addAll(itemSites);
                objects.addAll(itemObjects);
                sites.add(new Site(array, null, array.size() - 1, items));
            }
        }
        return array;
    }

    private JsonNode scalar(JsonNode schema, String type) {
        if (schema.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(values::add);
            return draw.of(values);
        }
        return switch (type) {
            case "integer" -> NODES.numberNode(draw.from(Arbitraries.longs()
                    .between(schema.path("minimum").asLong(0), schema.path("maximum").asLong(1_000))));
            case "number" -> NODES.numberNode(draw.from(Arbitraries.doubles().between(0, 1_000)));
            case "boolean" -> NODES.booleanNode(draw.chance(0.5));
            default -> NODES.textNode(text(schema));
        };
    }

    private String text(JsonNode schema) {
        String format = schema.path("format").asText();
        if (format.equals("date")) {
            return LocalDate.now(ZoneOffset.UTC).minusDays(draw.between(0, 1)).toString();
        }
        if (format.equals("date-time")) {
            return Instant.now().minusSeconds(draw.between(0, 3_600)).toString();
        }
        int min = Math.max(1, schema.path("minLength").asInt(1));
        int max = Math.max(min, Math.min(schema.path("maxLength").asInt(LONGEST_TEXT), LONGEST_TEXT));
        var strings = schema.has("pattern") ? Arbitraries.strings().withCharRange('!', '~')
                : Arbitraries.strings().alpha().numeric().withChars(' ', '-', '.');
        return draw.from(strings.ofMinLength(min).ofMaxLength(max));
    }
}
