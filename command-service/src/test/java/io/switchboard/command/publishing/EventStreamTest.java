package io.switchboard.command.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.Role;
import io.switchboard.api.stream.EventTypes;
import io.switchboard.command.api.HttpClientSupport;
import io.switchboard.command.api.ServiceInstance;
import io.switchboard.infra.LocalKafka;
import io.switchboard.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.switchboard.api.stream.CloudEventAttributes.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The event store streamed to a real Kafka broker, as CloudEvents, starting from the very first event. */
class EventStreamTest {

    private static LocalKafka kafka;
    private static ServiceInstance service;
    private static String earlyNumberId;

    @BeforeAll
    static void start() throws IOException {
        kafka = LocalKafka.start(Files.createTempDirectory("kafka"), freePort(), freePort());
        String database = TestDatabase.newDatabase("event_stream_" + UUID.randomUUID().toString().replace("-", ""));
        try (ServiceInstance withoutPublisher = ServiceInstance.start(database, TestDatabase.user(),
                TestDatabase.password(), null)) {
            earlyNumberId = withoutPublisher.http().send("POST", "/api/v1/phone-numbers",
                    HttpClientSupport.token("early-org", "eve", Role.MEMBER),
                    "{\"number\":\"+4930901820\",\"provider\":\"sip\"}").body().get("id").asText();
        }
        service = ServiceInstance.start(database, TestDatabase.user(), TestDatabase.password(), kafka.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        service.close();
        kafka.close();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private JdbcTemplate jdbc() {
        return service.bean(JdbcTemplate.class);
    }

    private List<TopicReader.Published> readAllStored() {
        Set<String> stored = Set.copyOf(jdbc().queryForList("SELECT event_identifier FROM domain_event_entry", String.class));
        return TopicReader.readUntil(kafka.bootstrapServers(),
                read -> read.stream().map(TopicReader.Published::id).collect(Collectors.toSet()).containsAll(stored),
                Duration.ofSeconds(60));
    }

    @Test
    @DisplayName("the first event ever stored, stored before any publisher ran, reaches Kafka")
    void firstEventEverReachesKafka() {
        String firstEventId = jdbc().queryForObject(
                "SELECT event_identifier FROM domain_event_entry ORDER BY global_index LIMIT 1", String.class);

        List<TopicReader.Published> published = readAllStored();

        assertThat(published).extracting(TopicReader.Published::id).contains(firstEventId);
        assertThat(published).anySatisfy(record -> assertThat(record.key()).isEqualTo(earlyNumberId));
    }

    @Test
    @DisplayName("each event is a CloudEvent 1.0 keyed by its aggregate, with org, sequence, position, actor and correlation id")
    void cloudEventsCarryTheContract() {
        String org = "org-" + UUID.randomUUID();
        String token = HttpClientSupport.token(org, "alice", Role.MEMBER);
        String agentId = service.http().send("POST", "/api/v1/agents", token, "{\"name\":\"Streamed\"}",
                Map.of("X-Correlation-Id", "walkthrough-42")).body().get("id").asText();
        service.http().send("PATCH", "/api/v1/agents/" + agentId, token, "{\"name\":\"Renamed\"}");

        List<TopicReader.Published> published = readAllStored();

        List<TopicReader.Published> agentEvents = published.stream().filter(record -> agentId.equals(record.key())).toList();
        assertThat(agentEvents).extracting(record -> record.event().get(TYPE).asText())
                .containsExactly("io.switchboard.agent.registered.v1", "io.switchboard.agent.renamed.v1");
        JsonNode registered = agentEvents.get(0).event();
        assertThat(registered.get(SPEC_VERSION).asText()).isEqualTo("1.0");
        assertThat(registered.get(SUBJECT).asText()).isEqualTo(agentId);
        assertThat(registered.get(SOURCE_ATTRIBUTE).asText()).isEqualTo(SOURCE);
        assertThat(registered.get(ORG_ID).asText()).isEqualTo(org);
        assertThat(registered.get(AGGREGATE_TYPE).asText()).isEqualTo(EventTypes.AggregateType.AGENT.published());
        assertThat(registered.get(AGGREGATE_SEQUENCE).asLong()).isZero();
        assertThat(registered.get(ACTOR).asText()).isEqualTo("alice");
        assertThat(registered.get(CORRELATION_ID).asText()).isEqualTo("walkthrough-42");
        assertThat(registered.get(DATA).get("name").asText()).isEqualTo("Streamed");
        assertThat(registered.get(GLOBAL_POSITION).asLong()).isEqualTo(jdbc().queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class,
                registered.get(ID).asText()));
        assertThat(agentEvents.get(0).contentType()).startsWith("application/cloudevents+json");
        assertThat(agentEvents.get(1).event().get(AGGREGATE_SEQUENCE).asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("publisher lag is exposed through Actuator metrics")
    void lagMetrics() {
        readAllStored();
        String token = HttpClientSupport.token("ops", "operator", Role.ORG_ADMIN);

        for (String metric : List.of("switchboard.publisher.lag.events", "switchboard.publisher.lag.ms",
                "switchboard.publisher.delay")) {
            HttpClientSupport.Reply reply = service.http().send("GET", "/actuator/metrics/" + metric, token, null);
            assertThat(reply.status()).as(metric).isEqualTo(200);
            assertThat(reply.body().get("measurements")).as(metric).isNotEmpty();
        }
    }
}
