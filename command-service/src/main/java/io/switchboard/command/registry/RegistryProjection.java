package io.switchboard.command.registry;

import io.switchboard.api.agent.AgentRegistered;
import io.switchboard.api.agent.AgentRetired;
import io.switchboard.api.assignment.AssignedToAgent;
import io.switchboard.api.assignment.AssignmentLimitsChanged;
import io.switchboard.api.assignment.CallCounted;
import io.switchboard.api.assignment.UnassignedFromAgent;
import io.switchboard.api.number.NumberActivated;
import io.switchboard.api.number.NumberDeactivated;
import io.switchboard.api.number.NumberFailed;
import io.switchboard.api.number.NumberImported;
import io.switchboard.api.number.NumberReleased;
import io.switchboard.api.number.NumberStatus;
import io.switchboard.api.number.NumberTransferred;
import io.switchboard.api.org.OrgPolicyChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the registry in step with the events, in the transaction that stores them (a subscribing processor).
 * Every write is an idempotent upsert or a guarded update.
 */
@Component
@ProcessingGroup(RegistryProjection.GROUP)
public class RegistryProjection {

    public static final String GROUP = "command-registry";

    private final JdbcClient jdbc;

    RegistryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NumberImported event) {
        jdbc.sql("""
                        INSERT INTO registry_number (number_id, org_id, owner_user_id, status, country, held, e164,
                            credential_ref)
                        VALUES (:id, :org, :owner, 'ACTIVE', :country, TRUE, :e164, :credentialRef)
                        ON CONFLICT (number_id) DO UPDATE SET org_id = excluded.org_id,
                            owner_user_id = excluded.owner_user_id, status = 'ACTIVE', country = excluded.country,
                            held = TRUE, e164 = excluded.e164, assignment_id = NULL, agent_id = NULL,
                            credential_ref = excluded.credential_ref""")
                .param("credentialRef", event.credentialRef())
                .param("id", event.numberId())
                .param("org", event.orgId())
                .param("owner", event.ownerUserId())
                .param("country", event.country())
                .param("e164", event.e164())
                .update();
    }

    @EventHandler
    void on(NumberActivated event) {
        status(event.numberId(), NumberStatus.ACTIVE);
    }

    @EventHandler
    void on(NumberDeactivated event) {
        status(event.numberId(), NumberStatus.INACTIVE);
    }

    @EventHandler
    void on(NumberFailed event) {
        status(event.numberId(), NumberStatus.ERROR);
    }

    @EventHandler
    void on(NumberTransferred event) {
        jdbc.sql("UPDATE registry_number SET owner_user_id = :owner WHERE number_id = :id")
                .param("owner", event.newOwnerUserId()).param("id", event.numberId()).update();
    }

    @EventHandler
    void on(NumberReleased event) {
        jdbc.sql("UPDATE registry_number SET held = FALSE WHERE number_id = :id")
                .param("id", event.numberId()).update();
    }

    @EventHandler
    void on(AssignedToAgent event) {
        jdbc.sql("""
                        UPDATE registry_number SET assignment_id = :assignment, agent_id = :agent, daily_limit = :limit,
                            allowed_countries = :countries, calls_day = NULL, calls_that_day = 0
                        WHERE number_id = :id""")
                .param("assignment", event.assignmentId())
                .param("agent", event.agentId())
                .param("limit", event.dailyLimit())
                .param("countries", String.join(",", event.allowedCountries()))
                .param("id", event.numberId())
                .update();
    }

    @EventHandler
    void on(AssignmentLimitsChanged event) {
        jdbc.sql("""
                        UPDATE registry_number SET daily_limit = :limit, allowed_countries = :countries
                        WHERE number_id = :id AND assignment_id = :assignment""")
                .param("limit", event.dailyLimit())
                .param("countries", String.join(",", event.allowedCountries()))
                .param("id", event.numberId())
                .param("assignment", event.assignmentId())
                .update();
    }

    @EventHandler
    void on(CallCounted event) {
        jdbc.sql("""
                        UPDATE registry_number SET calls_day = :day, calls_that_day = :calls
                        WHERE number_id = :id AND assignment_id = :assignment""")
                .param("day", event.day())
                .param("calls", event.callsThatDay())
                .param("id", event.numberId())
                .param("assignment", event.assignmentId())
                .update();
    }

    @EventHandler
    void on(UnassignedFromAgent event) {
        jdbc.sql("""
                        UPDATE registry_number SET assignment_id = NULL, agent_id = NULL, daily_limit = NULL,
                            allowed_countries = NULL, calls_day = NULL, calls_that_day = 0
                        WHERE number_id = :id AND assignment_id = :assignment""")
                .param("id", event.numberId())
                .param("assignment", event.assignmentId())
                .update();
    }

    @EventHandler
    void on(AgentRegistered event) {
        jdbc.sql("""
                        INSERT INTO registry_agent (agent_id, org_id, owner_user_id, retired)
                        VALUES (:id, :org, :owner, FALSE) ON CONFLICT (agent_id) DO NOTHING""")
                .param("id", event.agentId())
                .param("org", event.orgId())
                .param("owner", event.ownerUserId())
                .update();
    }

    @EventHandler
    void on(AgentRetired event) {
        jdbc.sql("UPDATE registry_agent SET retired = TRUE WHERE agent_id = :id").param("id", event.agentId()).update();
    }

    @EventHandler
    void on(OrgPolicyChanged event) {
        jdbc.sql("""
                        INSERT INTO registry_org_policy (org_id, max_numbers_per_agent, time_zone)
                        VALUES (:org, :max, :zone)
                        ON CONFLICT (org_id) DO UPDATE SET max_numbers_per_agent = excluded.max_numbers_per_agent,
                            time_zone = excluded.time_zone""")
                .param("org", event.orgId())
                .param("max", event.maxNumbersPerAgent())
                .param("zone", event.timeZone())
                .update();
    }

    private void status(String numberId, NumberStatus status) {
        jdbc.sql("UPDATE registry_number SET status = :status WHERE number_id = :id")
                .param("status", status.name()).param("id", numberId).update();
    }
}
