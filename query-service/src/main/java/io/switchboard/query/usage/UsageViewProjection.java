package io.switchboard.query.usage;

import io.switchboard.api.assignment.CallCounted;
import io.switchboard.api.assignment.CallRefused;
import io.switchboard.query.sql.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

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

    private final ProjectionWrites writes;

    public UsageViewProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(CallCounted event, @SequenceNumber long version, @Timestamp Instant at) {
        upsert(COUNT, event.assignmentId(), event.day(), event.orgId(), event.numberId(), event.agentId(), version, at)
                .param("callsThatDay", event.callsThatDay())
                .param("dailyLimit", event.dailyLimit())
                .update();
    }

    @EventHandler
    public void on(CallRefused event, @SequenceNumber long version, @Timestamp Instant at) {
        upsert(REFUSE, event.assignmentId(), event.day(), event.orgId(), event.numberId(), event.agentId(), version, at)
                .param("reason", event.reason().name())
                .update();
    }

    @ResetHandler
    public void reset() {
        writes.now("TRUNCATE usage_view");
    }

    private ProjectionWrites.Write upsert(String sql, String assignmentId, String day, String orgId, String numberId,
                                          String agentId, long version, Instant at) {
        return writes.sql("usage_view:" + assignmentId + "@" + day, sql)
                .param("assignmentId", assignmentId)
                .param("day", LocalDate.parse(day))
                .param("orgId", orgId)
                .param("numberId", numberId)
                .param("agentId", agentId)
                .param("at", timestamp(at))
                .param("version", version);
    }
}
