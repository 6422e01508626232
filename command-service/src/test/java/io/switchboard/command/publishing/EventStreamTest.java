package io.switchboard.command.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.switchboard.api.assignment.CountCall;
import io.switchboard.api.common.Role;
import io.switchboard.api.number.MarkNumberFailed;
import io.switchboard.api.provider.RecordProviderAccountVerification;
import io.switchboard.api.stream.ChainHash;
import io.switchboard.api.stream.ChainedEvent;
import io.switchboard.api.stream.EventTypes;
import io.switchboard.command.api.HttpClientSupport;
import io.switchboard.command.api.ServiceInstance;
import io.switchboard.command.chain.StoredChains;
import io.switchboard.command.provider.CredentialProperties;
import io.switchboard.command.provider.TestCredentials;
import io.switchboard.infra.LocalKafka;
import io.switchboard.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.switchboard.api.stream.CloudEventAttributes.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The event store streamed to a real Kafka broker, as CloudEvents, starting from the very first event. */
class EventStreamTest {

    private static final Path SCHEMAS = Path.of("..", "docs", "schemas");

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
    @DisplayName("every event type, published for real, validates against its JSON Schema in docs/schemas")
    void publishedRecordsMatchTheirSchemas() {
        produceEveryEventType();

        Map<String, List<JsonNode>> byType = readAllStored().stream().map(TopicReader.Published::event)
                .collect(Collectors.groupingBy(event -> event.get(TYPE).asText()));

        JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (EventTypes.EventType type : EventTypes.all().values()) {
            Path file = SCHEMAS.resolve(type.name() + ".json");
            assertThat(file).as("schema of " + type.name()).exists();
            JsonSchema schema = schemas.getSchema(SchemaLocation.of(file.toUri().toString()));
            assertThat(byType.get(type.name())).as("published " + type.name()).isNotEmpty();
            byType.get(type.name()).forEach(event ->
                    assertThat(schema.validate(event)).as(type.name() + ": " + event).isEmpty());
            ObjectNode withoutOrg = byType.get(type.name()).get(0).deepCopy();
            withoutOrg.remove(ORG_ID);
            assertThat(schema.validate(withoutOrg)).as("a record without orgid fails " + type.name()).isNotEmpty();
        }
    }

    @Test
    @DisplayName("§5: every stored event's chain hash recomputes from its content and the event before it, and its CloudEvent carries the same hash")
    void eventsAreChainedInTheStoreAndOnKafka() {
        produceEveryEventType();

        Map<String, String> stored = StoredChains.assertIntact(jdbc());
        List<TopicReader.Published> records = readAllStored();
        Map<String, String> published = records.stream().collect(Collectors.toMap(
                TopicReader.Published::id, record -> record.event().path(CHAIN_HASH).asText(), (first, again) -> first));

        assertThat(stored).hasSizeGreaterThanOrEqualTo(EventTypes.all().size());
        assertThat(published).containsAllEntriesOf(stored);
        // and a consumer recomputes the same chain from the CloudEvents alone, whose sets may iterate differently
        Map<String, String> heads = new HashMap<>();
        records.stream().filter(record -> stored.containsKey(record.id()))
                .collect(Collectors.toMap(TopicReader.Published::id, record -> record, (first, again) -> first))
                .values().stream()
                .sorted(Comparator.comparing((TopicReader.Published record) -> record.event().get(SUBJECT).asText())
                        .thenComparingLong(TopicReader.Published::sequence))
                .forEach(record -> {
                    JsonNode event = record.event();
                    String subject = event.get(SUBJECT).asText();
                    ChainedEvent content = new ChainedEvent(record.id(), subject, record.sequence(),
                            event.get(TYPE).asText(), Instant.parse(event.get(TIME).asText()),
                            event.path(ACTOR).textValue(), event.path(CORRELATION_ID).textValue(),
                            event.get(DATA).toString().getBytes(StandardCharsets.UTF_8));
                    String hash = ChainHash.next(heads.getOrDefault(subject, ChainHash.GENESIS), content);
                    assertThat(event.get(CHAIN_HASH).asText()).as("%s/%d", subject, record.sequence()).isEqualTo(hash);
                    heads.put(subject, hash);
                });
    }

    /** One flow through every command, so that every published event type occurs at least once. */
    private static void produceEveryEventType() {
        String org = "org-" + UUID.randomUUID();
        String alice = HttpClientSupport.token(org, "alice", Role.MEMBER, Role.ORG_ADMIN);
        HttpClientSupport http = service.http();
        String agentId = http.send("POST", "/api/v1/agents", alice, "{\"name\":\"Schema bot\"}").body().get("id").asText();
        http.send("PATCH", "/api/v1/agents/" + agentId, alice, "{\"name\":\"Schema bot 2\"}");
        String accountId = http.send("POST", "/api/v1/provider-accounts", alice,
                "{\"provider\":\"vonage\",\"providerAccountId\":\"vonage-account-0001\",\"apiKey\":\"vk-0123456789\","
                        + "\"apiSecret\":\"vs-0123456789abcdef\",\"label\":\"Vonage APAC\"}").body().get("id").asText();
        // R6: what a check against the provider records (the HTTP verify needs a provider's API, TwilioAccountTest)
        CommandGateway verifications = service.bean(CommandGateway.class);
        verifications.sendAndWait(new RecordProviderAccountVerification(accountId, org, Instant.now(), null));
        verifications.sendAndWait(new RecordProviderAccountVerification(accountId, org, Instant.now(),
                "HTTP 401: Authenticate"));
        String numberId = http.send("POST", "/api/v1/phone-numbers", alice,
                "{\"number\":\"+61 2 9123 4567\",\"provider\":\"vonage\",\"label\":\"Sydney\","
                        + "\"metadata\":{\"team\":\"apac\"},\"providerRefs\":{\"vonageId\":\"v-1\"},"
                        + "\"credentialRef\":\"" + accountId + "\"}")
                .body().get("id").asText();
        String number = "/api/v1/phone-numbers/" + numberId;
        http.send("PATCH", number, alice, "{\"label\":\"Sydney office\",\"webhookUrl\":\"https://hooks.example.com/x\"}");
        http.send("POST", number + "/deactivate", alice, "{\"reason\":\"audit\"}");
        http.send("POST", number + "/activate", alice, null);
        service.bean(CommandGateway.class).sendAndWait(new MarkNumberFailed(numberId, org, "verification failed"));
        http.send("POST", number + "/activate", alice, null);
        String assignmentId = http.send("POST", number + "/assign", alice,
                "{\"agentId\":\"" + agentId + "\",\"allowedCountries\":[\"*\"]}").body().get("id").asText();
        CommandGateway commands = service.bean(CommandGateway.class);
        commands.sendAndWait(new CountCall(assignmentId, org, "call-1", agentId, "+442079460958", "GB", "2026-11-21", true));
        http.send("PUT", number + "/limits", alice, "{\"dailyLimit\":5,\"allowedCountries\":[\"AU\",\"NZ\"]}");
        commands.sendAndWait(new CountCall(assignmentId, org, "call-2", agentId, "+442079460958", "GB", "2026-11-21", true));
        http.send("POST", number + "/transfer", alice, "{\"newOwnerUserId\":\"bob\"}");
        http.send("PUT", "/api/v1/org/policy", alice, "{\"maxNumbersPerAgent\":2,\"timeZone\":\"Australia/Sydney\"}");
        http.send("DELETE", "/api/v1/agents/" + agentId, alice, null);
        http.send("DELETE", number, alice, null);
        // SPEC §6: credentials under an older key are moved to the active one, then the account is removed
        TestCredentials.encryptUnder(service.bean(JdbcTemplate.class), service.bean(CredentialProperties.class),
                accountId, TestCredentials.PREVIOUS_KEY);
        http.send("POST", "/api/v1/admin/provider-accounts/reencrypt",
                HttpClientSupport.token(org, "operator", Role.PLATFORM_ADMIN), null);
        http.send("DELETE", "/api/v1/provider-accounts/" + accountId, alice, null);
    }

    @Test
    @DisplayName("publisher lag is exposed through Actuator metrics, to a PLATFORM_ADMIN")
    void lagMetrics() {
        readAllStored();
        String token = HttpClientSupport.token("ops", "operator", Role.PLATFORM_ADMIN);

        for (String metric : List.of("switchboard.publisher.lag.events", "switchboard.publisher.lag.ms",
                "switchboard.publisher.delay")) {
            HttpClientSupport.Reply reply = service.http().send("GET", "/actuator/metrics/" + metric, token, null);
            assertThat(reply.status()).as(metric).isEqualTo(200);
            assertThat(reply.body().get("measurements")).as(metric).isNotEmpty();
        }
    }

    @Test
    @DisplayName("§6: Actuator endpoints beyond health (metrics name tenants) answer 403 to every role but PLATFORM_ADMIN")
    void metricsArePlatformAdminsOnly() {
        for (Role role : List.of(Role.ORG_ADMIN, Role.MANAGER, Role.MEMBER, Role.SERVICE)) {
            String token = HttpClientSupport.token("ops", "someone", role);
            for (String path : List.of("/actuator/metrics", "/actuator/metrics/switchboard.publisher.lag.events",
                    "/actuator/info")) {
                assertThat(service.http().send("GET", path, token, null).status()).as(role + " " + path)
                        .isEqualTo(403);
            }
        }
        assertThat(service.http().send("GET", "/actuator/metrics", null, null).status()).isEqualTo(401);
        assertThat(service.http().send("GET", "/actuator/health/liveness", null, null).status()).isEqualTo(200);
        assertThat(service.http().send("GET", "/actuator/health/readiness", null, null).status()).isEqualTo(200);
    }
}
