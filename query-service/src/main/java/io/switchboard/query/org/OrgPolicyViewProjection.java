package io.switchboard.query.org;

import io.switchboard.api.org.OrgPolicyChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import io.switchboard.query.sql.ProjectionWrites;
import org.springframework.stereotype.Component;

/**
 * Projects each org's time zone (R17) into {@code org_policy_view}, guarded by the OrgPolicy aggregate's sequence
 * number, so an event seen twice, or older than what the row holds, changes nothing.
 */
@Component
@ProcessingGroup(OrgPolicyViewProjection.PROCESSING_GROUP)
public class OrgPolicyViewProjection {

    public static final String PROCESSING_GROUP = "org-policy-view";

    private static final String UPSERT = """
            INSERT INTO org_policy_view (org_id, time_zone, version)
            VALUES (:orgId, :timeZone, :version)
            ON CONFLICT (org_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, version = EXCLUDED.version
            WHERE org_policy_view.version < EXCLUDED.version""";

    private final ProjectionWrites writes;

    public OrgPolicyViewProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(OrgPolicyChanged event, @SequenceNumber long version) {
        writes.sql("org_policy_view:" + event.orgId(), UPSERT)
                .param("orgId", event.orgId())
                .param("timeZone", event.timeZone())
                .param("version", version)
                .update();
    }

    @ResetHandler
    public void reset() {
        writes.now("TRUNCATE org_policy_view");
    }
}
