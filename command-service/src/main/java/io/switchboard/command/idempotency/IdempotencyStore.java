package io.switchboard.command.idempotency;

import io.switchboard.command.shared.CommandOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** Outcomes of keyed requests, written in the same transaction as the events they produced. */
@Repository
public class IdempotencyStore {

    public record Record(String requestHash, CommandOutcome outcome) {
    }

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes requests with the same key until the holder's transaction ends. */
    public void lock(String orgId, String key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 0))")
                .param("lock", "idempotency:" + orgId + ":" + key)
                .query().singleRow();
    }

    public Optional<Record> find(String orgId, String key) {
        return jdbc.sql("""
                        SELECT request_hash, aggregate_id, aggregate_version FROM idempotency_record
                        WHERE org_id = :org AND idempotency_key = :key""")
                .param("org", orgId)
                .param("key", key)
                .query((rs, row) -> new Record(rs.getString("request_hash"), new CommandOutcome(
                        rs.getString("aggregate_id"), (Long) rs.getObject("aggregate_version"))))
                .optional();
    }

    public void insert(String orgId, String key, String requestHash, CommandOutcome outcome) {
        jdbc.sql("""
                        INSERT INTO idempotency_record
                            (org_id, idempotency_key, request_hash, aggregate_id, aggregate_version, created_at)
                        VALUES (:org, :key, :hash, :aggregate, :version, now())""")
                .param("org", orgId)
                .param("key", key)
                .param("hash", requestHash)
                .param("aggregate", outcome.aggregateId())
                .param("version", outcome.version())
                .update();
    }
}
