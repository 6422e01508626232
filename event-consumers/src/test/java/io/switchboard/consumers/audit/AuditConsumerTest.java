package io.switchboard.consumers.audit;

import io.switchboard.consumers.testing.TestBroker;
import io.switchboard.consumers.testing.TestEvent;
import io.switchboard.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.switchboard.consumers.testing.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The audit consumer as run from the command line, against a real broker and a real PostgreSQL event store. */
class AuditConsumerTest {

    private static final TestEvent N1_IMPORTED = numberImported("n1", 0, "acme", "2026-11-01T09:00:00Z");
    private static final TestEvent N1_ACTIVATED = numberActivated("n1", 1, "acme", "2026-11-01T09:01:00Z");
    private static final TestEvent N1_RELEASED = numberReleased("n1", 2, "acme", "2026-11-02T09:00:00Z");
    private static final TestEvent N1_REIMPORTED = numberImported("n1", 3, "globex", "2026-11-02T10:00:00Z");
    private static final TestEvent N2_IMPORTED = numberImported("n2", 0, "globex", "2026-11-01T10:00:00Z");
    private static final TestEvent N2_ACTIVATED = numberActivated("n2", 1, "globex", "2026-11-01T10:01:00Z");
    private static final TestEvent N2_DEACTIVATED = numberDeactivated("n2", 2, "globex", "2026-11-03T08:00:00Z");
    private static final TestEvent A1_ASSIGNED = assigned("a1", 0, "acme", "n3", "2026-11-01T11:00:00Z");

    /** Two numbers and an assignment; the publisher re-sent a run of n1's events. */
    private static final List<TestEvent> CLEAN = List.of(N1_IMPORTED, N2_IMPORTED, N1_ACTIVATED, A1_ASSIGNED,
            N1_RELEASED, N1_ACTIVATED, N1_RELEASED, N2_ACTIVATED, N1_REIMPORTED, N2_DEACTIVATED);

    @TempDir
    static Path directory;
    private static TestBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start(directory.resolve("kafka"));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    @DisplayName("a topic whose aggregates run 0, 1, 2, ... (with a re-sent run) is clean: exit status 0")
    void given_continuous_sequences_with_redeliveries_then_the_audit_is_clean() {
        String topic = broker.newTopic();
        broker.publish(topic, CLEAN);

        Run run = audit(topic);

        assertThat(run.status()).isZero();
        assertThat(run.output()).contains("10 records (2 redelivered, ignored), aggregates: 3",
                "aggregates whose sequence breaks: none", "result: clean");
    }

    @Test
    @DisplayName("a missing sequence is reported with its aggregate: exit status 1")
    void given_a_gap_then_the_aggregate_is_reported() {
        String topic = broker.newTopic();
        broker.publish(topic, List.of(N1_IMPORTED, N1_ACTIVATED, N2_IMPORTED, N2_DEACTIVATED));

        Run run = audit(topic);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("aggregates whose sequence breaks: 1",
                "n2: expected sequence 1, got 2 (event " + N2_DEACTIVATED.id() + ", partition", "result: BROKEN");
    }

    @Test
    @DisplayName("two swapped events are reported with their aggregate: exit status 1")
    void given_two_swapped_events_then_the_aggregate_is_reported() {
        String topic = broker.newTopic();
        broker.publish(topic, List.of(N2_IMPORTED, N1_IMPORTED, N1_RELEASED, N1_ACTIVATED, N2_ACTIVATED));

        Run run = audit(topic);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("n1: expected sequence 1, got 2 (event " + N1_RELEASED.id())
                .doesNotContain("n2:");
    }

    @Test
    @DisplayName("a record that is not a CloudEvent is reported with its position: exit status 1")
    void given_a_malformed_record_then_it_is_reported() {
        String topic = broker.newTopic();
        broker.publish(topic, CLEAN);
        broker.publishGarbage(topic, "n1");

        Run run = audit(topic);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("malformed records: 1", ": not JSON");
    }

    @Test
    @DisplayName("the topic's history equals the event store's (which may hold events not yet published); an"
            + " altered stored payload in the sample (the first aggregates by id) is then reported")
    void given_an_event_store_then_topic_and_store_are_compared() throws SQLException {
        String topic = broker.newTopic();
        broker.publish(topic, CLEAN);
        String schema = freshEventStore();
        TestEvent notYetPublished = numberActivated("n2", 3, "globex", "2026-11-03T09:00:00Z");
        store(schema, List.of(N1_IMPORTED, N1_ACTIVATED, N1_RELEASED, N1_REIMPORTED, N2_IMPORTED, N2_ACTIVATED,
                N2_DEACTIVATED, A1_ASSIGNED, notYetPublished));

        Run equal = audit(topic, "--jdbc-url", TestDatabase.url(), "--jdbc-user", TestDatabase.user(),
                "--jdbc-password", TestDatabase.password(), "--schema", schema);
        alterStoredPayload(schema, N1_ACTIVATED, "{\"numberId\":\"n1\",\"orgId\":\"initech\"}");
        Run altered = audit(topic, "--jdbc-url", TestDatabase.url(), "--jdbc-user", TestDatabase.user(),
                "--jdbc-password", TestDatabase.password(), "--schema", schema, "--sample", "2");

        assertThat(equal.status()).as(equal.output()).isZero();
        assertThat(equal.output()).contains("3 aggregates compared",
                "differences between the topic and the event store: none");
        assertThat(altered.status()).isEqualTo(1);
        assertThat(altered.output()).contains("2 aggregates compared",
                "differences between the topic and the event store: 1",
                "n1 sequence 1: data.orgId differs: topic \"acme\", event store \"initech\"");
    }

    private static String freshEventStore() {
        String schema = "audit_" + UUID.randomUUID().toString().replace("-", "");
        Flyway.configure()
                .dataSource(TestDatabase.url(), TestDatabase.user(), TestDatabase.password())
                .schemas(schema)
                .locations("classpath:db/eventstore")
                .load()
                .migrate();
        return schema;
    }

    /** Rows as Axon's JPA event store writes them; the payload is the record's JSON. */
    private static void store(String schema, List<TestEvent> events) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema + ".domain_event_entry"
                     + " (global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                     + " payload_type, payload_revision, payload, meta_data)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, '1', ?, ?)")) {
            for (TestEvent event : events) {
                insert.setLong(1, event.globalPosition());
                insert.setString(2, event.id());
                insert.setString(3, event.subject());
                insert.setLong(4, event.sequence());
                insert.setString(5, event.aggregateType());
                insert.setString(6, event.time().toString());
                insert.setString(7, event.payloadType());
                insert.setBytes(8, event.payload());
                insert.setBytes(9, "{\"actorId\":\"alice\"}".getBytes(StandardCharsets.UTF_8));
                insert.executeUpdate();
            }
        }
    }

    private static void alterStoredPayload(String schema, TestEvent event, String payload) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
             PreparedStatement update = connection.prepareStatement("UPDATE " + schema + ".domain_event_entry"
                     + " SET payload = ? WHERE event_identifier = ?")) {
            update.setBytes(1, payload.getBytes(StandardCharsets.UTF_8));
            update.setString(2, event.id());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static Run audit(String topic, String... more) {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", broker.bootstrapServers(),
                "--topic", topic));
        args.addAll(List.of(more));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = AuditConsumer.run(args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String output) {
    }
}
