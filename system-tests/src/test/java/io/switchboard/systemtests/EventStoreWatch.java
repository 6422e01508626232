package io.switchboard.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the command service's event store between two fuzzed requests. The store is append-only (a trigger refuses
 * UPDATE, DELETE and TRUNCATE) and {@code global_index} comes from a sequence, so while requests are sent one at a
 * time its highest index moves exactly when an event was written: one index lookup per request, where
 * {@code count(*)} would scan the whole table each time.
 */
final class EventStoreWatch implements AutoCloseable {

    /** An event written since a given index, and the correlation id of the request it came from. */
    record StoredEvent(long index, String type, String correlationId) {
        @Override
        public String toString() {
            return "#" + index + " " + type.substring(type.lastIndexOf('.') + 1) + " (correlation id " + correlationId
                    + ")";
        }
    }

    private static final int SHOWN_EVENTS = 20;
    private static final String EVENTS = "SELECT global_index, payload_type, convert_from(meta_data, 'UTF8')::jsonb"
            + " ->> 'correlationId' FROM command.domain_event_entry";

    private final Connection connection;
    private final PreparedStatement head;
    private final PreparedStatement after;
    private final PreparedStatement event;

    EventStoreWatch(String databaseUrl) {
        try {
            connection = DriverManager.getConnection(databaseUrl);
            head = connection.prepareStatement("SELECT coalesce(max(global_index), 0) FROM command.domain_event_entry");
            after = connection.prepareStatement(EVENTS + " WHERE global_index > ? ORDER BY global_index LIMIT "
                    + SHOWN_EVENTS);
            event = connection.prepareStatement(EVENTS + " WHERE event_identifier = ?");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store", e);
        }
    }

    /** The index of the newest event, 0 while there is none. */
    long head() {
        try (ResultSet result = head.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store's head", e);
        }
    }

    /** The first events written after {@code index}. */
    List<StoredEvent> after(long index) {
        try {
            after.setLong(1, index);
            return read(after);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store", e);
        }
    }

    /** The event with that id (Axon's event identifier, which logs name). */
    Optional<StoredEvent> event(String identifier) {
        try {
            event.setString(1, identifier);
            return read(event).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store", e);
        }
    }

    private static List<StoredEvent> read(PreparedStatement query) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                events.add(new StoredEvent(result.getLong(1), result.getString(2), result.getString(3)));
            }
        }
        return events;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
