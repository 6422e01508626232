package io.switchboard.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.common.Role;
import io.switchboard.api.stream.ChainHash;
import io.switchboard.api.stream.ChainedEvent;
import io.switchboard.api.stream.EventMetadata;
import io.switchboard.consumers.audit.AuditConsumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §5, tamper evidence: {@code audit verify} recomputes every chain of the running stack's event store and
 * topic. A payload changed in the store is named as the first broken link; a change whose hash was recomputed to
 * match is still caught, because the topic's copy of the chain disagrees.
 */
@ExtendWith(RunningStack.class)
class ChainVerifyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String admin = RunningStack.token("chain-" + UUID.randomUUID(), "carol", Role.ORG_ADMIN);

    @Test
    @DisplayName("§5: audit verify finds every chain intact, then names the stored event whose payload was changed")
    void changedPayloadIsNamed() throws Exception {
        String number = numberWithLabelChanges(2);
        Stored renamed = stored(number, 1);
        awaitVerified(number, 3);

        String forged = new String(renamed.payload(), StandardCharsets.UTF_8).replace("\"Label 1\"", "\"Forged\"");
        assertThat(forged).contains("Forged");
        try {
            update(renamed, forged.getBytes(StandardCharsets.UTF_8), renamed.metaData());

            Verification verification = verify();

            assertThat(verification.status()).as(verification.output()).isEqualTo(1);
            assertThat(verification.output()).contains("first broken link: aggregate " + number + " sequence 1 (event "
                    + renamed.eventId() + ", global position " + renamed.globalIndex(), "does not match its content",
                    "result: BROKEN");
            assertThat(verification.output()).containsPattern("chains in the topic .*broken links: none");
        } finally {
            update(renamed, renamed.payload(), renamed.metaData());
        }
        assertThat(verify().status()).isZero();
    }

    @Test
    @DisplayName("§5: a stored event changed and re-hashed to fit its chain still fails: the topic carries the original hash")
    void rehashedForgeryIsCaughtByTheTopic() throws Exception {
        String number = numberWithLabelChanges(1);
        Stored last = stored(number, 1);
        Stored before = stored(number, 0);
        awaitVerified(number, 2);

        byte[] forged = new String(last.payload(), StandardCharsets.UTF_8).replace("\"Label 1\"", "\"Forged\"")
                .getBytes(StandardCharsets.UTF_8);
        ObjectNode metaData = (ObjectNode) JSON.readTree(last.metaData());
        String previous = JSON.readTree(before.metaData()).path(EventMetadata.CHAIN_HASH).asText();
        metaData.put(EventMetadata.CHAIN_HASH, ChainHash.next(previous, new ChainedEvent(last.eventId(), number, 1,
                "io.switchboard.number.details-changed.v1", last.time(), metaData.path(EventMetadata.ACTOR_ID).asText(),
                metaData.path(EventMetadata.CORRELATION_ID).asText(), forged)));
        try {
            update(last, forged, JSON.writeValueAsBytes(metaData));

            Verification verification = verify();

            assertThat(verification.status()).as(verification.output()).isEqualTo(1);
            assertThat(verification.output()).contains("first broken link: aggregate " + number + " sequence 1",
                    "differs from the chainhash the topic carries");
        } finally {
            update(last, last.payload(), last.metaData());
        }
    }

    /** A fresh number imported, then relabelled {@code changes} times: "Label 1", "Label 2", ... */
    private String numberWithLabelChanges(int changes) {
        Http.Reply imported = Http.call("POST", RunningStack.stack().commandUrl() + "/api/v1/phone-numbers", admin,
                "{\"number\":\"" + RunningStack.freshUsNumber() + "\",\"provider\":\"telnyx\",\"label\":\"Label 0\"}");
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        for (int i = 1; i <= changes; i++) {
            Http.Reply changed = Http.call("PATCH", RunningStack.stack().commandUrl() + "/api/v1/phone-numbers/"
                    + imported.id(), admin, "{\"label\":\"Label " + i + "\"}");
            assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        }
        return imported.id();
    }

    /**
     * Publication trails the commit: waits until the topic has the number's {@code events}, then verifies every
     * chain of the stack, all the other system tests' events included.
     */
    private static void awaitVerified(String number, int events) {
        long published = RunningStack.eventually(events + " events of " + number + " on the topic")
                .until(() -> published(number), count -> count >= events);
        assertThat(published).as("events of " + number + " on the topic").isEqualTo(events);
        Verification verification = verify();
        assertThat(verification.status()).as(verification.output()).isZero();
        assertThat(verification.output()).containsPattern("chains in the event store .*broken links: none")
                .containsPattern("chains in the topic .*broken links: none").contains("result: every chain holds");
    }

    private static Verification verify() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = AuditConsumer.run(new String[] {"verify", "--bootstrap-servers",
                RunningStack.stack().kafkaBootstrapServers(), "--jdbc-url", RunningStack.stack().databaseUrl()},
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        return new Verification(status, printed.toString(StandardCharsets.UTF_8));
    }

    private static long published(String number) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AuditConsumer.run(new String[] {"--bootstrap-servers", RunningStack.stack().kafkaBootstrapServers(),
                "--history", number}, new PrintStream(printed, true, StandardCharsets.UTF_8));
        return printed.toString(StandardCharsets.UTF_8).lines().count();
    }

    private record Verification(int status, String output) {
    }

    private record Stored(String eventId, long globalIndex, Instant time, byte[] payload, byte[] metaData) {
    }

    private static Stored stored(String aggregateId, long sequence) throws SQLException {
        try (Connection connection = DriverManager.getConnection(RunningStack.stack().databaseUrl());
             PreparedStatement query = connection.prepareStatement("SELECT event_identifier, global_index, time_stamp,"
                     + " payload, meta_data FROM command.domain_event_entry"
                     + " WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            query.setString(1, aggregateId);
            query.setLong(2, sequence);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as(aggregateId + "/" + sequence).isTrue();
                return new Stored(row.getString(1), row.getLong(2), Instant.parse(row.getString(3)), row.getBytes(4),
                        row.getBytes(5));
            }
        }
    }

    private static void update(Stored event, byte[] payload, byte[] metaData) throws SQLException {
        try (Connection connection = DriverManager.getConnection(RunningStack.stack().databaseUrl());
             Statement bypass = connection.createStatement();
             PreparedStatement update = connection.prepareStatement("UPDATE command.domain_event_entry"
                     + " SET payload = ?, meta_data = ? WHERE event_identifier = ?")) {
            // the history is append-only (a trigger refuses changes); only a superuser's replica session gets past it
            bypass.execute("SET session_replication_role = replica");
            update.setBytes(1, payload);
            update.setBytes(2, metaData);
            update.setString(3, event.eventId());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
