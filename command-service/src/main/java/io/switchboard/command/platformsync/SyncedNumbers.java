package io.switchboard.command.platformsync;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;

/**
 * What the outbound sync knows of each held number ({@code platform_sync_number}): its Vapi phone-number id, if it
 * has one, and the agent it is assigned to. Every write sets a value, so an event handled twice changes nothing.
 */
final class SyncedNumbers {

    record SyncedNumber(String vapiPhoneNumberId, String agentId) {
    }

    private final JdbcClient jdbc;

    SyncedNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SyncedNumber> find(String numberId) {
        return jdbc.sql("SELECT vapi_phone_number_id, agent_id FROM platform_sync_number WHERE number_id = :id")
                .param("id", numberId)
                .query((row, index) -> new SyncedNumber(row.getString(1), row.getString(2)))
                .optional();
    }

    Optional<String> vapiPhoneNumberIdOf(String numberId) {
        return find(numberId).map(SyncedNumber::vapiPhoneNumberId);
    }

    void referTo(String numberId, String vapiPhoneNumberId) {
        jdbc.sql("""
                        INSERT INTO platform_sync_number (number_id, vapi_phone_number_id) VALUES (:id, :vapi)
                        ON CONFLICT (number_id) DO UPDATE SET vapi_phone_number_id = excluded.vapi_phone_number_id""")
                .param("id", numberId).param("vapi", vapiPhoneNumberId).update();
    }

    void assign(String numberId, String agentId) {
        jdbc.sql("""
                        INSERT INTO platform_sync_number (number_id, agent_id) VALUES (:id, :agent)
                        ON CONFLICT (number_id) DO UPDATE SET agent_id = excluded.agent_id""")
                .param("id", numberId).param("agent", agentId).update();
    }

    void forget(String numberId) {
        jdbc.sql("DELETE FROM platform_sync_number WHERE number_id = :id").param("id", numberId).update();
    }

    void clear() {
        jdbc.sql("TRUNCATE platform_sync_number").update();
    }
}
