package io.switchboard.consumers.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.switchboard.api.assignment.CallRefusal;
import io.switchboard.api.assignment.UnassignReason;
import io.switchboard.api.common.Capability;
import io.switchboard.api.common.NumberType;
import io.switchboard.api.common.Provider;
import io.switchboard.api.stream.EventTypes;
import io.switchboard.consumers.stream.CloudEvent;
import io.switchboard.consumers.stream.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published contract in {@code docs/schemas}: one JSON Schema per event type, each describing the whole
 * CloudEvent, kept in step with the Java records by these tests.
 */
class EventSchemasTest {

    private static final Path SCHEMAS = Path.of("..", "docs", "schemas").toAbsolutePath().normalize();
    private static final Set<String> SHARED_FILES = Set.of("cloudevent-envelope.json", "value-types.json");
    private static final JsonSchemaFactory SCHEMA_FACTORY =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig ASSERT_FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    static Stream<Arguments> publishedTypes() {
        return EventTypes.all().entrySet().stream()
                .map(type -> Arguments.of(type.getValue().name(), type.getKey()));
    }

    @Test
    @DisplayName("every published event type has a schema file, and every other file is a shared one")
    void every_published_type_has_exactly_its_schema_file() throws IOException {
        Set<String> expected = EventTypes.all().values().stream().map(type -> type.name() + ".json")
                .collect(Collectors.toSet());
        expected.addAll(SHARED_FILES);

        try (Stream<Path> files = Files.list(SCHEMAS)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    @DisplayName("every schema file is a valid JSON Schema, draft 2020-12")
    void every_schema_file_is_valid_against_the_meta_schema() throws IOException {
        JsonSchema metaSchema = SCHEMA_FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), ASSERT_FORMATS);
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            files.forEach(file -> {
                JsonNode schema = read(file);
                assertThat(schema.path("$schema").asText()).as(file.toString()).isEqualTo(SchemaId.V202012);
                assertThat(metaSchema.validate(schema)).as(file.toString()).isEmpty();
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedTypes")
    @DisplayName("the hand-written sample of each type validates against its schema, and the consumers read it")
    void the_sample_of_each_type_validates(String type, Class<?> javaClass) {
        ObjectNode sample = sample(type);

        assertThat(validate(type, sample)).isEmpty();
        assertThat(CloudEvent.parse(sample.toString().getBytes(StandardCharsets.UTF_8)).type()).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedTypes")
    @DisplayName("each schema's data members are exactly the Java record's components, all required")
    void data_members_are_the_record_components(String type, Class<?> javaClass) {
        JsonNode data = read(SCHEMAS.resolve(type + ".json")).path("properties").path("data");
        List<String> components = Arrays.stream(javaClass.getRecordComponents()).map(RecordComponent::getName).toList();

        assertThat(data.path("properties").fieldNames()).toIterable().containsExactlyElementsOf(components);
        assertThat(data.path("required")).extracting(JsonNode::asText).containsExactlyElementsOf(components);
        assertThat(data.path("additionalProperties").isBoolean() && !data.path("additionalProperties").asBoolean())
                .isTrue();
        assertThat(data.path("description").asText()).isEqualTo(javaClass.getName());
    }

    @Test
    @DisplayName("the enums in value-types.json list exactly the Java enum constants")
    void enums_match_the_java_enums() {
        JsonNode definitions = read(SCHEMAS.resolve("value-types.json")).path("$defs");
        Map<String, Class<? extends Enum<?>>> enums = Map.of("numberType", NumberType.class,
                "provider", Provider.class, "capability", Capability.class, "unassignReason", UnassignReason.class,
                "callRefusal", CallRefusal.class);

        enums.forEach((name, javaEnum) -> assertThat(definitions.path(name).path("enum"))
                .extracting(JsonNode::asText).as(name)
                .containsExactlyElementsOf(Arrays.stream(javaEnum.getEnumConstants()).map(Enum::name).toList()));
    }

    static Stream<Arguments> brokenImports() {
        return Stream.of(
                broken("a data member the record does not have", data -> data.put("password", "hunter2")),
                broken("a data member missing", data -> data.remove("importedBy")),
                broken("a null where the record never holds one", data -> data.putNull("e164")),
                broken("an enum value Java does not know", data -> data.put("numberType", "LANDLINE")),
                broken("a capability Java does not know", data -> ((ObjectNode) data.get("details"))
                        .putArray("capabilities").add("TELEX")),
                brokenEnvelope("another event's type name", event -> event.put("type",
                        "io.switchboard.number.activated.v1")),
                brokenEnvelope("no aggregate sequence", event -> event.remove("aggregatesequence")),
                brokenEnvelope("a time without offset", event -> event.put("time", "2026-11-21T10:15:30")),
                brokenEnvelope("an id that is not a UUID", event -> event.put("id", "42")),
                brokenEnvelope("an extension name CloudEvents does not allow", event -> event.put("org_id", "acme")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenImports")
    @DisplayName("an imported event is refused with")
    void a_broken_event_is_refused(String what, Consumer<ObjectNode> breakIt) {
        String type = "io.switchboard.number.imported.v1";
        ObjectNode event = sample(type);
        breakIt.accept(event);

        assertThat(validate(type, event)).isNotEmpty();
    }

    private static Arguments broken(String what, Consumer<ObjectNode> breakData) {
        return brokenEnvelope(what, event -> breakData.accept((ObjectNode) event.get("data")));
    }

    private static Arguments brokenEnvelope(String what, Consumer<ObjectNode> breakEvent) {
        return Arguments.of(what, breakEvent);
    }

    private static Set<ValidationMessage> validate(String type, JsonNode event) {
        JsonSchema schema = SCHEMA_FACTORY.getSchema(
                SchemaLocation.of(SCHEMAS.resolve(type + ".json").toUri().toString()), ASSERT_FORMATS);
        return schema.validate(event);
    }

    private static ObjectNode sample(String type) {
        try (InputStream sample = EventSchemasTest.class.getResourceAsStream("/cloudevents/" + type + ".json")) {
            assertThat(sample).as("a hand-written sample of " + type).isNotNull();
            return (ObjectNode) Json.MAPPER.readTree(sample);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
