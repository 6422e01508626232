package io.switchboard.consumers.stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventTest {

    private static final String EVENT = """
            {"specversion":"1.0","id":"0b6e6c1a-6a8f-4c55-9a52-0f0d5f0a1c03","source":"/switchboard/command-service",
             "type":"io.switchboard.number.activated.v1","subject":"n1","time":"2026-11-21T10:15:30.123Z",
             "datacontenttype":"application/json","orgid":"acme","aggregatetype":"phone-number",
             "aggregatesequence":2,"globalposition":103,"data":{"numberId":"n1","orgId":"acme"}}""";

    @Test
    @DisplayName("a published event is read with its attributes and extensions; actor and correlation id may be absent")
    void reads_a_structured_mode_event() {
        CloudEvent event = CloudEvent.parse(EVENT.getBytes(StandardCharsets.UTF_8));

        assertThat(event.id()).isEqualTo("0b6e6c1a-6a8f-4c55-9a52-0f0d5f0a1c03");
        assertThat(event.type()).isEqualTo("io.switchboard.number.activated.v1");
        assertThat(event.subject()).isEqualTo("n1");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-21T10:15:30.123Z"));
        assertThat(event.orgId()).isEqualTo("acme");
        assertThat(event.aggregateSequence()).isEqualTo(2);
        assertThat(event.globalPosition()).isEqualTo(103);
        assertThat(event.actor()).isNull();
        assertThat(event.data().path("numberId").asText()).isEqualTo("n1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "not json",
            "[1, 2]",
            "{\"specversion\":\"0.3\"}",
            "{\"specversion\":\"1.0\",\"data\":{}}"})
    @DisplayName("a record that is not a Switchboard CloudEvent is malformed")
    void refuses_what_is_not_an_event(String value) {
        assertThatThrownBy(() -> CloudEvent.parse(value.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
    }

    @ParameterizedTest(name = "{0} becomes {1}")
    @CsvSource(delimiter = '|', value = {
            "\"aggregatesequence\":2 | \"aggregatesequence\":\"2\"",
            "\"time\":\"2026-11-21T10:15:30.123Z\" | \"time\":\"yesterday\""})
    @DisplayName("an event whose sequence is not an integer, or whose time is not RFC 3339, is malformed")
    void refuses_bad_attribute_values(String attribute, String broken) {
        byte[] event = EVENT.replace(attribute, broken).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CloudEvent.parse(event)).isInstanceOf(MalformedEventException.class);
    }
}
