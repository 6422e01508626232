package io.switchboard.query.org;

import io.switchboard.api.org.OrgPolicyChanged;
import io.switchboard.query.sql.ProjectionWrites;
import io.switchboard.query.testing.Databases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Read side: given org policies, then each org's today as the org calendar tells it. */
class OrgPolicyViewProjectionTest {

    /** 23:30 UTC on 1 March: already 2 March in Berlin, still 1 March in New York. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T23:30:00Z"), ZoneOffset.UTC);
    private static final LocalDate MARCH_1 = LocalDate.parse("2025-03-01");
    private static final LocalDate MARCH_2 = LocalDate.parse("2025-03-02");

    private static JdbcClient jdbc;

    private static ProjectionWrites writes;

    private OrgPolicyViewProjection projection;
    private OrgCalendar calendar;

    @BeforeAll
    static void readModels() {
        jdbc = Databases.freshReadModels("org_policy_view_projection_test");
        writes = Databases.writes("org_policy_view_projection_test");
    }

    @BeforeEach
    void emptyReadModels() {
        projection = new OrgPolicyViewProjection(writes);
        calendar = new OrgCalendar(jdbc, CLOCK);
        projection.reset();
    }

    @Test
    @DisplayName("R17: an org's today is the calendar day in its time zone, UTC for an org without a policy")
    void given_policies_then_today_in_org_time_zone() {
        projection.on(new OrgPolicyChanged("org-berlin", null, "Europe/Berlin"), 0);
        projection.on(new OrgPolicyChanged("org-new-york", 1, "America/New_York"), 0);

        assertThat(calendar.today("org-berlin")).isEqualTo(MARCH_2);
        assertThat(calendar.today("org-new-york")).isEqualTo(MARCH_1);
        assertThat(calendar.today("org-without-policy")).isEqualTo(MARCH_1);
    }

    @Test
    @DisplayName("R17: a policy delivered again, or an older one after a newer, changes nothing")
    void given_policies_when_delivered_again_then_nothing_changes() {
        List<Runnable> history = List.of(
                () -> projection.on(new OrgPolicyChanged("org-a", null, "UTC"), 0),
                () -> projection.on(new OrgPolicyChanged("org-a", null, "Europe/Berlin"), 1));
        history.forEach(Runnable::run);
        List<Map<String, Object>> once = rows();

        history.forEach(Runnable::run);
        history.get(0).run();

        assertThat(rows()).isEqualTo(once);
        assertThat(calendar.today("org-a")).isEqualTo(MARCH_2);
    }

    @Test
    @DisplayName("the reset handler empties the read model, so that a replay rebuilds it")
    void given_rows_when_reset_then_empty() {
        projection.on(new OrgPolicyChanged("org-a", null, "Europe/Berlin"), 0);

        projection.reset();

        assertThat(rows()).isEmpty();
    }

    private static List<Map<String, Object>> rows() {
        return jdbc.sql("SELECT * FROM org_policy_view ORDER BY org_id").query().listOfRows();
    }
}
