package io.switchboard.command.publishing;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Each event's own global index. A tracking token cannot tell it: an event that filled a gap is delivered with
 * a token already past it.
 */
class GlobalPositions {

    private final JdbcClient jdbc;

    GlobalPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Long> of(Collection<String> eventIds) {
        Map<String, Long> positions = new HashMap<>();
        jdbc.sql("SELECT event_identifier, global_index FROM domain_event_entry WHERE event_identifier IN (:ids)")
                .param("ids", eventIds)
                .query(rs -> {
                    positions.put(rs.getString(1), rs.getLong(2));
                });
        return positions;
    }
}
