package io.switchboard.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.systemtests.SchemaValues.ObjectSite;
import io.switchboard.systemtests.SchemaValues.Site;
import net.jqwik.api.Arbitraries;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/** Spoils a request's body: one of its fields, or the body as a whole. */
final class BodyMutator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Over the services' 2 MiB request bound. */
    private static final int OVERSIZED = 2 * 1024 * 1024 + 1;

    private final Draw draw;

    BodyMutator(Draw draw) {
        this.draw = draw;
    }

    /** Whether the draft has a place for {@code mutation}. */
    static boolean applies(Mutation mutation, RequestDraft draft) {
        boolean json = draft.json != null && draft.rawBody == null;
        List<Site> sites = json ? draft.json.sites() : List.of();
        return switch (mutation) {
            case WRONG_TYPE, EMPTY_VALUE, NULL_VALUE, HUGE_NUMBER, ODD_UNICODE -> !sites.isEmpty();
            case OUT_OF_RANGE -> sites.stream().anyMatch(BodyMutator::hasRange);
            case TOO_LONG -> sites.stream().anyMatch(site -> isText(site) || type(site).equals("array"));
            case BAD_ENUM -> sites.stream().anyMatch(site -> site.schema().has("enum"));
            case MISSING_REQUIRED -> json
                    && draft.json.objects().stream().anyMatch(object -> !required(object).isEmpty());
            case UNKNOWN_PROPERTY -> json && !draft.json.objects().isEmpty();
            case MALFORMED_BODY, EMPTY_BODY, NOT_AN_OBJECT, OVERSIZED_BODY, WRONG_CONTENT_TYPE -> draft.hasBody();
            case BODY_WHERE_NONE_IS_READ -> draft.operation.bodies().isEmpty();
            default -> false;
        };
    }

    /** Applies {@code mutation}, which {@link #applies}; answers where it did. */
    String apply(Mutation mutation, RequestDraft draft) {
        return switch (mutation) {
            case WRONG_TYPE -> replace(draft, any -> true, site -> draw.from(Oddities.wrongType(site.schema())));
            case EMPTY_VALUE -> replace(draft, any -> true, BodyMutator::empty);
            case NULL_VALUE -> replace(draft, any -> true, site -> NODES.nullNode());
            case HUGE_NUMBER -> replace(draft, preferred(draft, site -> type(site).matches("integer|number")),
                    site -> draw.from(Oddities.hugeNumbers()));
            case ODD_UNICODE -> replace(draft, preferred(draft, BodyMutator::isText),
                    site -> NODES.textNode(draw.from(Oddities.oddText())));
            case OUT_OF_RANGE -> replace(draft, BodyMutator::hasRange, this::outOfRange);
            case TOO_LONG -> replace(draft, site -> isText(site) || type(site).equals("array"), this::tooLong);
            case BAD_ENUM -> replace(draft, site -> site.schema().has("enum"), this::badEnum);
            case MISSING_REQUIRED -> missingRequired(draft);
            case UNKNOWN_PROPERTY -> unknownProperty(draft);
            case MALFORMED_BODY -> whole(draft, draw.from(Oddities.malformed(draft.body())));
            case EMPTY_BODY -> draw.chance(0.5) ? whole(draft, null)
                    : whole(draft, draw.of(" ", "\n", "\r\n\t").getBytes(StandardCharsets.UTF_8));
            case NOT_AN_OBJECT -> whole(draft, draw.of("[]", "[{}]", "1", "\"text\"", "null", "true", "{}")
                    .getBytes(StandardCharsets.UTF_8));
            case OVERSIZED_BODY -> oversized(draft);
            case BODY_WHERE_NONE_IS_READ -> {
                draft.contentType = "application/json";
                yield whole(draft, "{\"unexpected\":true}".getBytes(StandardCharsets.UTF_8));
            }
            case WRONG_CONTENT_TYPE -> {
                String type = draw.from(Oddities.contentTypes());
                draft.contentType = type.isEmpty() ? null : type;
                yield "Content-Type " + (type.isEmpty() ? "left out" : type);
            }
            default -> throw new IllegalArgumentException(mutation + " is not a body's");
        };
    }

    /** One item more than a bounded array body holds (a bulk import's rows), or a body over the size bound. */
    private static String oversized(RequestDraft draft) {
        JsonNode root = draft.json == null ? null : draft.json.value();
        JsonNode schema = draft.media.schema();
        if (root != null && root.isArray() && root.size() > 0 && schema.has("maxItems")) {
            ArrayNode rows = NODES.arrayNode();
            for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                rows.add(root.get(0).deepCopy());
            }
            return whole(draft, rows.toString().getBytes(StandardCharsets.UTF_8)) + " in " + rows.size() + " items";
        }
        return whole(draft, ("{\"x\":\"" + "x".repeat(OVERSIZED) + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private String replace(RequestDraft draft, Predicate<Site> where, Function<Site, JsonNode> by) {
        Site site = draw.of(draft.json.sites().stream().filter(where).toList());
        site.replace(by.apply(site));
        return "at " + site.where();
    }

    /** Sites that match, where there are such; else any. */
    private static Predicate<Site> preferred(RequestDraft draft, Predicate<Site> preferred) {
        return draft.json.sites().stream().anyMatch(preferred) ? preferred : any -> true;
    }

    private JsonNode outOfRange(Site site) {
        JsonNode schema = site.schema();
        return switch (type(site)) {
            case "integer", "number" -> NODES.numberNode(schema.has("maximum") && draw.chance(0.5)
                    ? schema.get("maximum").asLong() + 1
                    : schema.has("minimum") ? schema.get("minimum").asLong() - 1 : (long) draw.of(-1, 0, -100));
            case "array" -> schema.has("minItems") && schema.get("minItems").asInt() > 0 && draw.chance(0.5)
                    ? NODES.arrayNode() : items(site, schema.path("maxItems").asInt(250) + 1);
            default -> NODES.textNode(schema.path("minLength").asInt(0) > 0 && draw.chance(0.5) ? ""
                    : "x".repeat(schema.path("maxLength").asInt(64) + 1));
        };
    }

    private JsonNode tooLong(Site site) {
        if (type(site).equals("array")) {
            return items(site, site.schema().path("maxItems").asInt(1_000) + 1);
        }
        int length = site.schema().has("maxLength") && draw.chance(0.5) ? site.schema().get("maxLength").asInt() + 1
                : draw.of(1_000, 10_000, 100_000);
        return NODES.textNode(draw.from(Arbitraries.strings().alpha().ofLength(1)).repeat(length));
    }

    /** An array of {@code count} copies of the site's first item (or of a text where it has none). */
    private static ArrayNode items(Site site, int count) {
        JsonNode current = site.container() instanceof ArrayNode array ? array.get(site.index())
                : ((ObjectNode) site.container()).get(site.field());
        JsonNode item = current != null && current.size() > 0 ? current.get(0) : NODES.textNode("x");
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            array.add(item.deepCopy());
        }
        return array;
    }

    private JsonNode badEnum(Site site) {
        String value = site.schema().get("enum").get(0).asText();
        return NODES.textNode(draw.of(value.toLowerCase(Locale.ROOT), "NOT_A_VALUE", "", " " + value, value + "\u0000",
                value.replace('I', '\u0130'), value + value));
    }

    private static JsonNode empty(Site site) {
        return switch (type(site)) {
            case "array" -> NODES.arrayNode();
            case "object" -> NODES.objectNode();
            default -> NODES.textNode("");
        };
    }

    private String missingRequired(RequestDraft draft) {
        ObjectSite site = draw.of(draft.json.objects().stream().filter(object -> !required(object).isEmpty()).toList());
        String field = draw.of(required(site));
        site.object().remove(field);
        return "without " + field;
    }

    private String unknownProperty(RequestDraft draft) {
        ObjectSite site = draw.of(draft.json.objects());
        String field = draw.of("unexpected", "__proto__", "@class", "orgId", "status", "id", "version", "");
        site.object().set(field, draw.chance(0.5) ? NODES.textNode("java.net.URL") : NODES.numberNode(1));
        return "with '" + field + "'";
    }

    private static String whole(RequestDraft draft, byte[] body) {
        draft.json = null;
        draft.rawBody = body;
        return body == null ? "without a body" : body.length + " bytes";
    }

    private static List<String> required(ObjectSite site) {
        List<String> present = new ArrayList<>();
        site.schema().path("required").forEach(field -> {
            if (site.object().has(field.asText())) {
                present.add(field.asText());
            }
        });
        return present;
    }

    private static boolean hasRange(Site site) {
        JsonNode schema = site.schema();
        return switch (type(site)) {
            case "integer", "number" -> true;
            case "array" -> schema.has("maxItems") || schema.path("minItems").asInt(0) > 0;
            case "string" -> !schema.has("enum") && (schema.has("maxLength") || schema.path("minLength").asInt(0) > 0);
            default -> false;
        };
    }

    private static boolean isText(Site site) {
        return type(site).equals("string");
    }

    private static String type(Site site) {
        return site.schema().path("type").asText("string");
    }
}
