package io.switchboard.query.history;

import io.switchboard.api.assignment.CallCounted;
import io.switchboard.api.assignment.CallRefused;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads events straight from the event store ({@code domain_event_entry}, on this service's search path), always
 * through an index: one aggregate's stream by (aggregate, sequence), or a number's non-call events through
 * {@code number_history} by position. Payloads and metadata are read back with the serializer and upcasters the
 * processors use, so a history shows what the read models were built from.
 */
@Component
public class StoredEvents {

    /** The per-call events of an assignment, left out of a history unless asked for. */
    public static final List<String> CALL_TYPES = List.of(CallCounted.class.getName(), CallRefused.class.getName());

    private static final String COLUMNS = "e.global_index, e.event_identifier, e.type, e.aggregate_identifier, "
            + "e.sequence_number, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data";

    private static final String NUMBER_EVENTS = "SELECT " + COLUMNS + """
             FROM number_history h JOIN domain_event_entry e ON e.global_index = h.position
            WHERE h.number_id = :numberId AND h.position > :after AND h.position <= :until
              AND (CAST(:orgId AS text) IS NULL OR h.org_id = :orgId)
            ORDER BY h.position LIMIT :limit""";

    private static final String STREAM = "SELECT " + COLUMNS + """
             FROM domain_event_entry e
            WHERE e.aggregate_identifier = :aggregateId AND e.sequence_number >= :from AND e.sequence_number <= :to
            ORDER BY e.sequence_number""";

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final org.axonframework.config.Configuration axon;

    StoredEvents(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer serializer,
                 org.axonframework.config.Configuration axon) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.axon = axon;
    }

    /**
     * The number's indexed events (its own and its assignments' lifecycle) with positions in (after, until], of
     * {@code orgId} only unless it is null, oldest first, at most {@code limit}.
     */
    public List<RecordedEvent> numberEvents(String numberId, long after, long until, String orgId, int limit) {
        return jdbc.sql(NUMBER_EVENTS)
                .param("numberId", numberId)
                .param("after", after)
                .param("until", until)
                .param("orgId", orgId)
                .param("limit", limit)
                .query(this::read)
                .list().stream().flatMap(List::stream).toList();
    }

    /** Every indexed event of the number, oldest first. */
    public List<RecordedEvent> numberEvents(String numberId) {
        return numberEvents(numberId, -1, Long.MAX_VALUE, null, Integer.MAX_VALUE);
    }

    /** One aggregate's whole stream, oldest first: for short streams only (a number, an agent, an org policy). */
    public List<RecordedEvent> stream(String aggregateId) {
        return stream(aggregateId, 0, Long.MAX_VALUE, null, Integer.MAX_VALUE);
    }

    /**
     * The events of one aggregate with sequence numbers in [from, to], of the given payload types only (all when
     * null), oldest first, at most {@code limit}.
     */
    public List<RecordedEvent> stream(String aggregateId, long from, long to, List<String> payloadTypes, int limit) {
        String sql = payloadTypes == null ? STREAM
                : STREAM.replace("ORDER BY", "AND e.payload_type IN (:payloadTypes) ORDER BY");
        JdbcClient.StatementSpec statement = jdbc.sql(sql + " LIMIT :limit")
                .param("aggregateId", aggregateId)
                .param("from", from)
                .param("to", to)
                .param("limit", limit);
        if (payloadTypes != null) {
            statement = statement.param("payloadTypes", payloadTypes);
        }
        return statement.query(this::read).list().stream().flatMap(List::stream).toList();
    }

    /** The latest event of one aggregate at or before a sequence number, of one payload type. */
    public Optional<RecordedEvent> latestOfType(String aggregateId, long atOrBefore, String payloadType) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM domain_event_entry e
                        WHERE e.aggregate_identifier = :aggregateId AND e.sequence_number <= :sequence
                          AND e.payload_type = :payloadType
                        ORDER BY e.sequence_number DESC LIMIT 1""")
                .param("aggregateId", aggregateId)
                .param("sequence", atOrBefore)
                .param("payloadType", payloadType)
                .query(this::read)
                .list().stream().flatMap(List::stream).findFirst();
    }

    /** The highest sequence number of an aggregate, empty when it has no event. */
    public Optional<Long> lastSequence(String aggregateId) {
        return jdbc.sql("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", aggregateId)
                .query((row, n) -> row.getObject(1, Long.class))
                .optional();
    }

    /**
     * The first event of an aggregate at or after a sequence number, as (sequence, position, time): a probe for
     * searching a long stream by position or time, which both grow with the sequence number.
     */
    public Optional<Probe> probe(String aggregateId, long atOrAfter) {
        return jdbc.sql("""
                        SELECT sequence_number, global_index, time_stamp FROM domain_event_entry
                        WHERE aggregate_identifier = :id AND sequence_number >= :sequence
                        ORDER BY sequence_number LIMIT 1""")
                .param("id", aggregateId)
                .param("sequence", atOrAfter)
                .query((row, n) -> new Probe(row.getLong(1), row.getLong(2),
                        DateTimeUtils.parseInstant(row.getString(3))))
                .optional();
    }

    /** Where one event of a stream is: its sequence number, global position and time. */
    public record Probe(long sequence, long position, Instant time) {
    }

    private List<RecordedEvent> read(ResultSet row, int rowNumber) throws SQLException {
        long position = row.getLong("global_index");
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                row.getString("type"),
                row.getString("aggregate_identifier"),
                row.getLong("sequence_number"),
                row.getString("event_identifier"),
                row.getString("time_stamp"),
                row.getString("payload_type"),
                row.getString("payload_revision"),
                row.getBytes("payload"),
                row.getBytes("meta_data"));
        EventUpcaster upcasters = axon.upcasterChain();
        List<RecordedEvent> events = new ArrayList<>(1);
        EventStreamUtils.asStream(EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer,
                        upcasters))
                .forEach(message -> events.add(new RecordedEvent(position, message)));
        return events;
    }
}
