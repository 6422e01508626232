package io.switchboard.command.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Where an aggregate's events stand in the event store's global order (what X-Min-Position waits for). */
@Component
class EventPositions {

    record Position(long version, long position) {
    }

    private final JdbcClient jdbc;

    EventPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Position of(String aggregateId, long version) {
        long position = jdbc.sql("""
                        SELECT global_index FROM domain_event_entry
                        WHERE aggregate_identifier = :id AND sequence_number = :version""")
                .param("id", aggregateId)
                .param("version", version)
                .query(Long.class).single();
        return new Position(version, position);
    }

    Position latest(String aggregateId) {
        return jdbc.sql("""
                        SELECT sequence_number, global_index FROM domain_event_entry
                        WHERE aggregate_identifier = :id ORDER BY sequence_number DESC LIMIT 1""")
                .param("id", aggregateId)
                .query((rs, row) -> new Position(rs.getLong(1), rs.getLong(2)))
                .single();
    }
}
