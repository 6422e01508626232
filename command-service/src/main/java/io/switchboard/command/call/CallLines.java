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

/** Reads, from the command-side registry, the lines a call may use and the org's time zone (R17). */
@Component
class CallLines {

    private static final String COLUMNS = """
            number_id, e164, owner_user_id, status, country, assignment_id, agent_id, daily_limit, allowed_countries,
            calls_day, calls_that_day""";
    private static final RowMapper<CallLine> LINE = (rs, row) -> new CallLine(
            rs.getString("number_id"), rs.getString("e164"), rs.getString("owner_user_id"),
            NumberStatus.valueOf(rs.getString("status")), rs.getString("country"), rs.getString("assignment_id"),
            rs.getString("agent_id"), (Integer) rs.getObject("daily_limit"), countries(rs.getString("allowed_countries")),
            rs.getString("calls_day"), rs.getInt("calls_that_day"));

    private final JdbcClient jdbc;

    CallLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CallLine> heldBy(String orgId, String numberId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry_number WHERE number_id = :id AND org_id = :org AND held")
                .param("id", numberId).param("org", orgId).query(LINE).optional();
    }

    List<CallLine> ofAgent(String orgId, String agentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry_number WHERE agent_id = :agent AND org_id = :org AND held")
                .param("agent", agentId).param("org", orgId).query(LINE).list();
    }

    ZoneId timeZone(String orgId) {
        return jdbc.sql("SELECT time_zone FROM registry_org_policy WHERE org_id = :org")
                .param("org", orgId).query(String.class).optional().map(ZoneId::of).orElse(ZoneId.of("UTC"));
    }

    private static AllowedCountries countries(String stored) {
        return stored == null ? null : new AllowedCountries(Set.of(stored.split(",")));
    }
}
