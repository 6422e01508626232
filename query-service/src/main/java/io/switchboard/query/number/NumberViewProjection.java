package io.switchboard.query.number;

import io.switchboard.api.assignment.AssignedToAgent;
import io.switchboard.api.assignment.AssignmentLimitsChanged;
import io.switchboard.api.assignment.UnassignedFromAgent;
import io.switchboard.api.number.NumberActivated;
import io.switchboard.api.number.NumberDeactivated;
import io.switchboard.api.number.NumberDetails;
import io.switchboard.api.number.NumberDetailsChanged;
import io.switchboard.api.number.NumberFailed;
import io.switchboard.api.number.NumberImported;
import io.switchboard.api.number.NumberReleased;
import io.switchboard.api.number.NumberStatus;
import io.switchboard.api.number.NumberTransferred;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import io.switchboard.query.sql.ProjectionWrites;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static io.switchboard.query.sql.SqlValues.json;
import static io.switchboard.query.sql.SqlValues.name;
import static io.switchboard.query.sql.SqlValues.timestamp;

/**
 * Projects phone numbers and their assignments into {@code number_view} and {@code assignment_view}. Every write
 * is guarded by the sequence number of the aggregate that emitted the event, the one order Axon guarantees for a
 * row: an event seen twice, or older than what a row holds, changes nothing.
 */
@Component
@ProcessingGroup(NumberViewProjection.PROCESSING_GROUP)
public class NumberViewProjection {

    public static final String PROCESSING_GROUP = "number-view";

    private static final String IMPORT = """
            INSERT INTO number_view (number_id, org_id, owner_user_id, client_id, e164, country, number_type,
                provider, label, capabilities, metadata, provider_refs, platform_refs, webhook_url, status,
                status_reason, imported_at, updated_at, held, version)
            VALUES (:numberId, :orgId, :ownerUserId, :clientId, :e164, :country, :numberType,
                :provider, :label, CAST(:capabilities AS jsonb), CAST(:metadata AS jsonb),
                CAST(:providerRefs AS jsonb), CAST(:platformRefs AS jsonb), :webhookUrl, 'ACTIVE',
                NULL, :at, :at, TRUE, :version)
            ON CONFLICT (number_id) DO UPDATE SET
                org_id = EXCLUDED.org_id, owner_user_id = EXCLUDED.owner_user_id, client_id = EXCLUDED.client_id,
                e164 = EXCLUDED.e164, country = EXCLUDED.country, number_type = EXCLUDED.number_type,
                provider = EXCLUDED.provider, label = EXCLUDED.label, capabilities = EXCLUDED.capabilities,
                metadata = EXCLUDED.metadata, provider_refs = EXCLUDED.provider_refs,
                platform_refs = EXCLUDED.platform_refs, webhook_url = EXCLUDED.webhook_url,
                status = EXCLUDED.status, status_reason = EXCLUDED.status_reason,
                imported_at = EXCLUDED.imported_at, updated_at = EXCLUDED.updated_at, held = EXCLUDED.held,
                version = EXCLUDED.version
            WHERE number_view.version < EXCLUDED.version""";

    private static final String CHANGE_DETAILS = """
            label = CASE WHEN :keepLabel THEN label ELSE :label END,
            capabilities = COALESCE(CAST(:capabilities AS jsonb), capabilities),
            metadata = COALESCE(CAST(:metadata AS jsonb), metadata),
            webhook_url = CASE WHEN :keepWebhookUrl THEN webhook_url ELSE :webhookUrl END,
            provider_refs = COALESCE(CAST(:providerRefs AS jsonb), provider_refs),
            platform_refs = COALESCE(CAST(:platformRefs AS jsonb), platform_refs)""";

    private static final String ASSIGN = """
            INSERT INTO assignment_view (assignment_id, number_id, agent_id, daily_limit, allowed_countries,
                assigned_at, ended_at, version)
            VALUES (:assignmentId, :numberId, :agentId, :dailyLimit, CAST(:allowedCountries AS jsonb),
                :at, NULL, :version)
            ON CONFLICT (assignment_id) DO NOTHING""";

    private final ProjectionWrites writes;

    public NumberViewProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    /** A first import, or a re-import after release (R4, R9), by whichever org: the row starts over. */
    @EventHandler
    public void on(NumberImported event, @SequenceNumber long version, @Timestamp Instant at) {
        NumberDetails details = NumberDetails.empty().with(
                event.details() == null ? NumberDetails.empty() : event.details());
        writes.sql(numberRow(event.numberId()), IMPORT)
                .param("numberId", event.numberId())
                .param("orgId", event.orgId())
                .param("ownerUserId", event.ownerUserId())
                .param("clientId", event.clientId())
                .param("e164", event.e164())
                .param("country", event.country())
                .param("numberType", name(event.numberType()))
                .param("provider", name(event.provider()))
                .param("label", details.label())
                .param("capabilities", json(details.capabilities()))
                .param("metadata", json(details.metadata()))
                .param("providerRefs", json(details.providerRefs()))
                .param("platformRefs", json(details.platformRefs()))
                .param("webhookUrl", details.webhookUrl())
                .param("at", timestamp(at))
                .param("version", version)
                .update();
    }

    /** R7: null members are unchanged; a blank label or webhook URL clears it. */
    @EventHandler
    public void on(NumberDetailsChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        NumberDetails change = event.changed();
        NumberDetails applied = NumberDetails.empty().with(change);
        update(event.numberId(), version, at, CHANGE_DETAILS)
                .param("keepLabel", change.label() == null)
                .param("label", applied.label())
                .param("capabilities", json(change.capabilities()))
                .param("metadata", json(change.metadata()))
                .param("keepWebhookUrl", change.webhookUrl() == null)
                .param("webhookUrl", applied.webhookUrl())
                .param("providerRefs", json(change.providerRefs()))
                .param("platformRefs", json(change.platformRefs()))
                .update();
    }

    @EventHandler
    public void on(NumberActivated event, @SequenceNumber long version, @Timestamp Instant at) {
        status(event.numberId(), NumberStatus.ACTIVE, null, version, at);
    }

    @EventHandler
    public void on(NumberDeactivated event, @SequenceNumber long version, @Timestamp Instant at) {
        status(event.numberId(), NumberStatus.INACTIVE, event.reason(), version, at);
    }

    @EventHandler
    public void on(NumberFailed event, @SequenceNumber long version, @Timestamp Instant at) {
        status(event.numberId(), NumberStatus.ERROR, event.reason(), version, at);
    }

    @EventHandler
    public void on(NumberTransferred event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.numberId(), version, at, "owner_user_id = :owner")
                .param("owner", event.newOwnerUserId())
                .update();
    }

    /** R9: the row stays for a later re-import but no query shows it any more. */
    @EventHandler
    public void on(NumberReleased event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.numberId(), version, at, "held = FALSE").update();
    }

    @EventHandler
    public void on(AssignedToAgent event, @SequenceNumber long version, @Timestamp Instant at) {
        writes.sql(assignmentRow(event.assignmentId()), ASSIGN)
                .param("assignmentId", event.assignmentId())
                .param("numberId", event.numberId())
                .param("agentId", event.agentId())
                .param("dailyLimit", event.dailyLimit())
                .param("allowedCountries", json(event.allowedCountries()))
                .param("at", timestamp(at))
                .param("version", version)
                .update();
    }

    @EventHandler
    public void on(AssignmentLimitsChanged event, @SequenceNumber long version) {
        updateAssignment(event.assignmentId(), version,
                "daily_limit = :dailyLimit, allowed_countries = CAST(:allowedCountries AS jsonb)")
                .param("dailyLimit", event.dailyLimit())
                .param("allowedCountries", json(event.allowedCountries()))
                .update();
    }

    /** R2, R8, R13: whatever the reason, the number is free again. */
    @EventHandler
    public void on(UnassignedFromAgent event, @SequenceNumber long version, @Timestamp Instant at) {
        updateAssignment(event.assignmentId(), version, "ended_at = :at")
                .param("at", timestamp(at))
                .update();
    }

    @ResetHandler
    public void reset() {
        writes.now("TRUNCATE number_view, assignment_view");
    }

    private void status(String numberId, NumberStatus status, String reason, long version, Instant at) {
        update(numberId, version, at, "status = :status, status_reason = :reason")
                .param("status", status.name())
                .param("reason", reason)
                .update();
    }

    private ProjectionWrites.Write update(String numberId, long version, Instant at, String assignments) {
        return writes.sql(numberRow(numberId), "UPDATE number_view SET " + assignments + ", updated_at = :updatedAt, version = :version"
                        + " WHERE number_id = :numberId AND version < :version")
                .param("numberId", numberId)
                .param("version", version)
                .param("updatedAt", timestamp(at));
    }

    private ProjectionWrites.Write updateAssignment(String assignmentId, long version, String assignments) {
        return writes.sql(assignmentRow(assignmentId), "UPDATE assignment_view SET " + assignments + ", version = :version"
                        + " WHERE assignment_id = :assignmentId AND version < :version")
                .param("assignmentId", assignmentId)
                .param("version", version);
    }

    private static String numberRow(String numberId) {
        return "number_view:" + numberId;
    }

    private static String assignmentRow(String assignmentId) {
        return "assignment_view:" + assignmentId;
    }
}
