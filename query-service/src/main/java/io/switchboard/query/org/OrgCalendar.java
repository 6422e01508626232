package io.switchboard.query.org;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** R17: an org's calendar day now, in the org's time zone (UTC for an org that never set one). */
@Component
public class OrgCalendar {

    private final JdbcClient jdbc;
    private final Clock clock;

    public OrgCalendar(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public LocalDate today(String orgId) {
        ZoneId zone = jdbc.sql("SELECT time_zone FROM org_policy_view WHERE org_id = :orgId")
                .param("orgId", orgId)
                .query((row, rowNumber) -> ZoneId.of(row.getString("time_zone")))
                .optional()
                .orElse(ZoneOffset.UTC);
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
