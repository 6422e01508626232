package io.switchboard.command.idempotency;

import io.switchboard.command.shared.CommandOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** Outcomes of keyed requests, written in the same transaction as the events they produced. */
@Repository
public class IdempotencyStore {

    /** Rows written before keys had principals (V8) answer any principal of their org, as they did then. */
    private static final String LEGACY_PRINCIPAL = "";

    public record Record(String requestHash, CommandOutcome outcome) {
    }

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes requests with the same key until the holder's transaction ends. */
    public void lock(IdempotencyKey key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 0))")
                .param("lock", key.lockName())
                .query().singleRow();
    }

    public Optional<Record> find(IdempotencyKey key) {
        return jdbc.sql("""
                        SELECT request_hash, aggregate_id, aggregate_version FROM idempotency_record
                        WHERE org_id = :org AND namespace = :namespace AND idempotency_key = :key
                          AND principal IN (:principal, :legacy)
                        ORDER BY principal DESC LIMIT 1""")
                .param("org", key.orgId())
                .param("namespace", key.namespace().name())
                .param("key", key.key())
                .param("principal", key.principal())
                .param("legacy", LEGACY_PRINCIPAL)
                .query((rs, row) -> new Record(rs.getString("request_hash"), new CommandOutcome(
                        rs.getString("aggregate_id"), (Long) rs.getObject("aggregate_version"))))
                .optional();
    }

    public void insert(IdempotencyKey key, String requestHash, CommandOutcome outcome) {
        jdbc.sql("""
                        INSERT INTO idempotency_record (org_id, namespace, principal, idempotency_key, request_hash,
                                                        aggregate_id, aggregate_version, created_at)
                        VALUES (:org, :namespace, :principal, :key, :hash, :aggregate, :version, now())""")
                .param("org", key.orgId())
                .param("namespace", key.namespace().name())
                .param("principal", key.principal())
                .param("key", key.key())
                .param("hash", requestHash)
                .param("aggregate", outcome.aggregateId())
                .param("version", outcome.version())
                .update();
    }
}
