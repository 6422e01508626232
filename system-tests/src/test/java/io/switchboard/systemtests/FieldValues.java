package io.switchboard.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import net.jqwik.api.Arbitraries;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Valid values for the fields and parameters whose meaning a schema does not carry (a phone number, an agent's
 * id, a time zone), by name: what the domain accepts, and ids of the world's objects. A name it does not know is left
 * to the schema.
 */
final class FieldValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final FuzzWorld world;
    private final Draw draw;

    FieldValues(FuzzWorld world, Draw draw) {
        this.world = world;
        this.draw = draw;
    }

    Optional<JsonNode> valid(String name, JsonNode schema) {
        return Optional.<JsonNode>ofNullable(switch (name) {
            case "number" -> NODES.textNode(number());
            case "fromNumber" -> NODES.textNode(world.e164(draw).orElseGet(RunningStack::freshUsNumber));
            // mostly the country an assignment allows by default, that of the fixtures' numbers
            case "destination" -> NODES.textNode(draw.chance(0.6) ? "+12025550123"
                    : draw.of("+447911123456", "+4930901820", "+33612345678"));
            case "agentId" -> NODES.textNode(world.agentId(draw));
            case "credentialRef" -> NODES.textNode(world.id(FuzzWorld.Kind.PROVIDER_ACCOUNT, true, draw));
            case "callId" -> NODES.textNode(new UUID(draw.from(Arbitraries.longs()), draw.from(Arbitraries.longs()))
                    .toString());
            case "ownerUserId", "newOwnerUserId", "userId" -> NODES.textNode(draw.of("owner", "colleague", "heir"));
            case "orgId" -> NODES.textNode(world.org(draw.chance(0.8) ? Caller.OWNER : Caller.STRANGER));
            case "clientId" -> NODES.textNode(draw.of("client-a", "client-b"));
            case "country", "defaultRegion", "allowedCountries" -> NODES.textNode(draw.of("US", "GB", "DE", "FR"));
            case "timeZone" -> NODES.textNode(draw.of("Europe/Paris", "America/New_York", "UTC", "Asia/Tokyo"));
            case "webhookUrl" -> NODES.textNode("https://example.com/hooks/" + draw.between(1, 99));
            case "providerAccountId" -> NODES.textNode("AC" + draw.from(Arbitraries.strings()
                    .withChars("0123456789abcdef").ofLength(32)));
            case "dailyLimit" -> NODES.numberNode(draw.between(1, 500));
            case "maxNumbersPerAgent" -> NODES.numberNode(draw.between(1, 20));
            case "limit" -> NODES.numberNode(draw.between(1, 200));
            case "asOf" -> NODES.textNode(Instant.now().minusSeconds(draw.between(0, 3_600)).toString());
            case "sort" -> NODES.textNode(draw.of("number", "importedAt", "label", "status", "country", "name"));
            case "direction" -> NODES.textNode(draw.of("asc", "desc"));
            default -> null;
        }).filter(value -> !schema.has("enum") || contains(schema.get("enum"), value));
    }

    /** A number no one holds yet, now and then written otherwise, or one of the org's own (held already). */
    private String number() {
        String fresh = RunningStack.freshUsNumber();
        return switch (draw.between(0, 9)) {
            case 0 -> world.e164(draw).orElse(fresh);
            case 1 -> "+1 " + fresh.substring(2, 5) + "-" + fresh.substring(5, 8) + "-" + fresh.substring(8);
            default -> fresh;
        };
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode each : values) {
            if (each.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
