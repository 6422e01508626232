package io.switchboard.command.call;

import io.switchboard.api.assignment.AllowedCountries;
import io.switchboard.api.number.NumberStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads, from the command-side registry, the lines a call may use, each with its org's time zone (R17). */
@Component
class CallLines {

    private static final String COLUMNS = """
            n.number_id, n.e164, n.owner_user_id, n.status, n.country, n.assignment_id, n.agent_id, n.daily_limit,
            n.allowed_countries, n.calls_day, n.calls_that_day, p.time_zone
            FROM registry_number n LEFT JOIN registry_org_policy p ON p.org_id = n.org_id""";
    private static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("UTC");
    private static final RowMapper<CallLine> LINE = (rs, row) -> new CallLine(
            rs.getString("number_id"), rs.getString("e164"), rs.getString("owner_user_id"),
            NumberStatus.valueOf(rs.getString("status")), rs.getString("country"), rs.getString("assignment_id"),
            rs.getString("agent_id"), (Integer) rs.getObject("daily_limit"), countries(rs.getString("allowed_countries")),
            rs.getString("calls_day"), rs.getInt("calls_that_day"), zone(rs.getString("time_zone")));

    private final JdbcClient jdbc;

    CallLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CallLine> heldBy(String orgId, String numberId) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE n.number_id = :id AND n.org_id = :org AND n.held")
                .param("id", numberId).param("org", orgId).query(LINE).optional();
    }

    List<CallLine> ofAgent(String orgId, String agentId) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE n.agent_id = :agent AND n.org_id = :org AND n.held")
                .param("agent", agentId).param("org", orgId).query(LINE).list();
    }

    private static ZoneId zone(String stored) {
        return stored == null ? DEFAULT_TIME_ZONE : ZoneId.of(stored);
    }

    private static AllowedCountries countries(String stored) {
        return stored == null ? null : new AllowedCountries(Set.of(stored.split(",")));
    }
}
