package io.switchboard.query.usage;

import io.switchboard.api.assignment.CallRefusal;
import io.switchboard.api.query.Page;
import io.switchboard.query.access.Scope;
import io.switchboard.query.paging.KeyType;
import io.switchboard.query.paging.Keyset;
import io.switchboard.query.paging.PageRequest;
import io.switchboard.query.paging.SortKey;
import io.switchboard.query.paging.Sorting;
import io.switchboard.query.sql.SqlQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import static io.switchboard.query.sql.SqlValues.enumCounts;

/** Reads calls counted and refused per assignment and org-local day, from the {@code number_usage} view. */
@Repository
public class UsageViewRepository {

    public static final Sorting<AssignmentUsage> SORTING = new Sorting<>("assignment_id",
            AssignmentUsage::assignmentId, "number",
            List.of(new SortKey<>("number", "COALESCE(e164, '')", KeyType.TEXT,
                    usage -> Objects.requireNonNullElse(usage.e164(), ""))));

    /**
     * The limit of a day is the one in force at its last counted call, except today's on a current assignment:
     * that is the assignment's limit now, which the next call is counted against (R13, R15).
     */
    private static final String SELECT = """
            SELECT assignment_id, number_id, e164, agent_id, agent_name, calls_counted, refused,
                   CASE WHEN day = :today AND assignment_current THEN assignment_limit
                        ELSE COALESCE(counted_limit, assignment_limit) END AS daily_limit
            FROM number_usage""";

    private final JdbcClient jdbc;

    public UsageViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The usage of {@code day} in the scope; {@code today} is the org-local day now. */
    public Page<AssignmentUsage> list(Scope scope, LocalDate day, LocalDate today,
                                      PageRequest<AssignmentUsage> page) {
        SqlQuery query = scope.restrict(new SqlQuery(SELECT)).where("day = :day", "day", day).bind("today", today);
        return Keyset.fetch(jdbc, query, page, UsageViewRepository::map);
    }

    /** The calls counted on one assignment on one org-local day, 0 when none. */
    public int callsCounted(String assignmentId, LocalDate day) {
        return jdbc.sql("SELECT calls_counted FROM usage_view WHERE assignment_id = :assignmentId AND day = :day")
                .param("assignmentId", assignmentId)
                .param("day", day)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** What remains of a daily limit, never below 0 (a lowered limit may be below the calls already counted). */
    public static Integer remaining(Integer dailyLimit, int callsCounted) {
        return dailyLimit == null ? null : Math.max(0, dailyLimit - callsCounted);
    }

    private static AssignmentUsage map(ResultSet row, int rowNumber) throws SQLException {
        int counted = row.getInt("calls_counted");
        Integer dailyLimit = row.getObject("daily_limit", Integer.class);
        return new AssignmentUsage(
                row.getString("assignment_id"),
                row.getString("number_id"),
                row.getString("e164"),
                row.getString("agent_id"),
                row.getString("agent_name"),
                counted,
                enumCounts(CallRefusal.class, row.getString("refused")),
                dailyLimit,
                remaining(dailyLimit, counted));
    }
}
