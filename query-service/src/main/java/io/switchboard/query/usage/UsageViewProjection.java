package io.switchboard.query.usage;

import io.switchboard.api.assignment.CallCounted;
import io.switchboard.api.assignment.CallRefused;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import java.time.Instant;
import java.time.LocalDate;

import static io.switchboard.query.sql.SqlValues.timestamp;

/**
 * Projects counted and refused calls (R15) into {@code usage_view}, one row per assignment and the org-local day
 * the call counts against (R17). Every write is guarded by the Assignment aggregate's sequence number: an event
 * seen twice, or older than what its row holds, changes nothing.
 */
@Component
@ProcessingGroup(UsageViewProjection.PROCESSING_GROUP)
public class UsageViewProjection {

    public static final String PROCESSING_GROUP = "usage-view";

    private static final String UPSERT = """
            INSERT INTO usage_view (assignment_id, day, org_id, number_id, agent_id, calls_counted, refused,
                daily_limit, updated_at, version)
            VALUES (:assignmentId, :day, :orgId, :numberId, :agentId, %s, %s, %s, :at, :version)
            ON CONFLICT (assignment_id, day) DO UPDATE SET %s, updated_at = EXCLUDED.updated_at,
                version = EXCLUDED.version
            WHERE usage_view.version < EXCLUDED.version""";

    /** The day's count and limit as the aggregate decided them. */
    private static final String COUNT = UPSERT.formatted(":callsThatDay", "'{}'", ":dailyLimit",
            "calls_counted = EXCLUDED.calls_counted, daily_limit = EXCLUDED.daily_limit");

    /** One more refusal for the reason. */
    private static final String REFUSE = UPSERT.formatted("0", "jsonb_build_object(CAST(:reason AS text), 1)",
            "NULL", "refused = usage_view.refused || jsonb_build_object(CAST(:reason AS text),"
                    + " COALESCE(CAST(usage_view.refused ->> CAST(:reason AS text) AS integer), 0) + 1)");

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    public UsageViewProjection(JdbcClient jdbc) {
        this(jdbc, null);
    }

    @Autowired
    public UsageViewProjection(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    private record Statement(String sql, MapSqlParameterSource params) {
    }

    /** The statements of one processor batch, sent to PostgreSQL as JDBC batches just before it commits. */
    private final class Pending {
        private final List<Statement> statements = new ArrayList<>();

        void flush() {
            int from = 0;
            while (from < statements.size()) {
                String sql = statements.get(from).sql();
                int to = from;
                while (to < statements.size() && statements.get(to).sql().equals(sql)) {
                    to++;
                }
                batches.batchUpdate(sql, statements.subList(from, to).stream().map(Statement::params)
                        .toArray(MapSqlParameterSource[]::new));
                from = to;
            }
            statements.clear();
        }
    }

    private void execute(String sql, MapSqlParameterSource params) {
        if (batches == null || !CurrentUnitOfWork.isStarted()) {
            jdbc.sql(sql).params(params.getValues()).update();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Pending pending = root.getOrComputeResource("usage-view-statements", key -> {
            Pending created = new Pending();
            root.onPrepareCommit(unitOfWork -> created.flush());
            return created;
        });
        pending.statements.add(new Statement(sql, params));
    }

    @EventHandler
    public void on(CallCounted event, @SequenceNumber long version, @Timestamp Instant at) {
        execute(COUNT, upsert(event.assignmentId(), event.day(), event.orgId(), event.numberId(), event.agentId(),
                version, at)
                .addValue("callsThatDay", event.callsThatDay())
                .addValue("dailyLimit", event.dailyLimit()));
    }

    @EventHandler
    public void on(CallRefused event, @SequenceNumber long version, @Timestamp Instant at) {
        execute(REFUSE, upsert(event.assignmentId(), event.day(), event.orgId(), event.numberId(), event.agentId(),
                version, at)
                .addValue("reason", event.reason().name()));
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE usage_view").update();
    }

    private static MapSqlParameterSource upsert(String assignmentId, String day, String orgId, String numberId,
                                                String agentId, long version, Instant at) {
        return new MapSqlParameterSource()
                .addValue("assignmentId", assignmentId)
                .addValue("day", LocalDate.parse(day))
                .addValue("orgId", orgId)
                .addValue("numberId", numberId)
                .addValue("agentId", agentId)
                .addValue("at", timestamp(at))
                .addValue("version", version);
    }
}
