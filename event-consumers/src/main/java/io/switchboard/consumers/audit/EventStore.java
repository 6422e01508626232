package io.switchboard.consumers.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.switchboard.api.stream.ChainedEvent;
import io.switchboard.api.stream.EventMetadata;
import io.switchboard.api.stream.EventTypes;
import io.switchboard.consumers.stream.Json;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Reads the command service's Axon event store ({@code <schema>.domain_event_entry}), read-only. */
final class EventStore implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Connection connection;
    private final String table;

    /** {@code user} and {@code password} may be null when the URL carries them. */
    EventStore(String url, String user, String password, String schema) throws SQLException {
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a schema name: " + schema);
        }
        connection = DriverManager.getConnection(url, user, password);
        connection.setReadOnly(true);
        table = schema + ".domain_event_entry";
    }

    /** The first {@code count} aggregate ids in the order Java sorts strings (so in the same order as subjects). */
    List<String> firstAggregates(int count) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT aggregate_identifier FROM " + table
                + " GROUP BY aggregate_identifier ORDER BY aggregate_identifier COLLATE \"C\" LIMIT ?")) {
            query.setInt(1, count);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /** The stored events of these aggregates, each aggregate's in sequence order. */
    Map<String, List<StoredEvent>> histories(Collection<String> aggregateIds) throws SQLException {
        Map<String, List<StoredEvent>> histories = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT global_index, event_identifier,"
                + " aggregate_identifier, sequence_number, payload_type, payload FROM " + table
                + " WHERE aggregate_identifier = ANY (?) ORDER BY aggregate_identifier, sequence_number")) {
            Array ids = connection.createArrayOf("varchar", aggregateIds.toArray());
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    StoredEvent event = new StoredEvent(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getLong(4), rows.getString(5), rows.getBytes(6));
                    histories.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event);
                }
            }
        }
        return histories;
    }

    /**
     * Every stored event as a chain link, each aggregate's in sequence order, read in batches so that a store of
     * millions of events streams through in constant memory.
     */
    void forEachLink(Consumer<ChainLink> links) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); // the driver streams with a fetch size only inside a transaction
        try (PreparedStatement query = connection.prepareStatement("SELECT global_index, event_identifier,"
                + " aggregate_identifier, sequence_number, payload_type, time_stamp, payload, meta_data FROM " + table
                + " ORDER BY aggregate_identifier, sequence_number")) {
            query.setFetchSize(5_000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    links.accept(link(rows));
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static ChainLink link(ResultSet row) throws SQLException {
        long globalIndex = row.getLong("global_index");
        String payloadType = row.getString("payload_type");
        JsonNode metaData = metaData(row.getBytes("meta_data"));
        ChainedEvent content = new ChainedEvent(row.getString("event_identifier"), row.getString("aggregate_identifier"),
                row.getLong("sequence_number"), EventTypes.ofClassName(payloadType).map(EventTypes.EventType::name)
                        .orElse(payloadType), Instant.parse(row.getString("time_stamp")),
                metaData.path(EventMetadata.ACTOR_ID).textValue(),
                metaData.path(EventMetadata.CORRELATION_ID).textValue(), row.getBytes("payload"));
        return new ChainLink(content, metaData.path(EventMetadata.CHAIN_HASH).textValue(), globalIndex,
                "event store row with global_index " + globalIndex);
    }

    /** Unreadable metadata reads as none: the event then carries no chain hash, which the verification reports. */
    private static JsonNode metaData(byte[] stored) {
        try {
            return stored == null ? MissingNode.getInstance() : Json.MAPPER.readTree(stored);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
