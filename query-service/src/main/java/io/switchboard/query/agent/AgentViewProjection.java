package io.switchboard.query.agent;

import io.switchboard.api.agent.AgentRegistered;
import io.switchboard.api.agent.AgentRenamed;
import io.switchboard.api.agent.AgentRetired;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import io.switchboard.query.sql.ProjectionWrites;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static io.switchboard.query.sql.SqlValues.timestamp;

/**
 * Projects agents into {@code agent_view} (R1). Writes are guarded by the Agent aggregate's sequence number, so
 * an event seen twice changes nothing.
 */
@Component
@ProcessingGroup(AgentViewProjection.PROCESSING_GROUP)
public class AgentViewProjection {

    public static final String PROCESSING_GROUP = "agent-view";

    private static final String REGISTER = """
            INSERT INTO agent_view (agent_id, org_id, owner_user_id, client_id, name, retired, registered_at,
                updated_at, version)
            VALUES (:agentId, :orgId, :ownerUserId, :clientId, :name, FALSE, :at, :at, :version)
            ON CONFLICT (agent_id) DO NOTHING""";

    private final ProjectionWrites writes;

    public AgentViewProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(AgentRegistered event, @SequenceNumber long version, @Timestamp Instant at) {
        writes.sql(row(event.agentId()), REGISTER)
                .param("agentId", event.agentId())
                .param("orgId", event.orgId())
                .param("ownerUserId", event.ownerUserId())
                .param("clientId", event.clientId())
                .param("name", event.name())
                .param("at", timestamp(at))
                .param("version", version)
                .update();
    }

    @EventHandler
    public void on(AgentRenamed event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.agentId(), version, at, "name = :name").param("name", event.name()).update();
    }

    /** R2: the assignments end by their own events, which number-view projects. */
    @EventHandler
    public void on(AgentRetired event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.agentId(), version, at, "retired = TRUE").update();
    }

    @ResetHandler
    public void reset() {
        writes.now("TRUNCATE agent_view");
    }

    private ProjectionWrites.Write update(String agentId, long version, Instant at, String assignments) {
        return writes.sql(row(agentId), "UPDATE agent_view SET " + assignments + ", updated_at = :updatedAt, version = :version"
                        + " WHERE agent_id = :agentId AND version < :version")
                .param("agentId", agentId)
                .param("version", version)
                .param("updatedAt", timestamp(at));
    }

    private static String row(String agentId) {
        return "agent_view:" + agentId;
    }
}
