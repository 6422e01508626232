package io.switchboard.command.bulk;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.number.BulkImport;
import io.switchboard.api.number.BulkImportOutcome;
import io.switchboard.api.number.BulkImportRowResult;
import io.switchboard.api.number.BulkImportStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Bulk imports and the results of their rows, each chunk's written with the chunk's events. */
@Repository
class BulkImportStore {

    /** An import RUNNING whose heartbeat is this old was interrupted (chunks renew it in well under a second). */
    static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private static final String STATUS = """
            CASE WHEN status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => %d) THEN 'INTERRUPTED'
                 ELSE status END""".formatted(STALE_AFTER.toSeconds());

    /** Who started an import, of how many rows, and where it stands. */
    record StoredImport(String id, String orgId, String userId, int total, BulkImportStatus status, long position) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    BulkImportStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    void create(String id, String orgId, String userId, int total) {
        jdbc.sql("""
                        INSERT INTO bulk_import
                            (import_id, org_id, user_id, total_rows, status, created_at, heartbeat_at)
                        VALUES (:id, :org, :user, :total, 'RUNNING', now(), now())""")
                .param("id", id).param("org", orgId).param("user", userId).param("total", total)
                .update();
    }

    Optional<StoredImport> find(String id) {
        return jdbc.sql("SELECT import_id, org_id, user_id, total_rows, coalesce(position, 0) AS position, " + STATUS
                        + " AS current_status FROM bulk_import WHERE import_id = :id")
                .param("id", id)
                .query((rs, row) -> new StoredImport(rs.getString("import_id"), rs.getString("org_id"),
                        rs.getString("user_id"), rs.getInt("total_rows"),
                        BulkImportStatus.valueOf(rs.getString("current_status")), rs.getLong("position")))
                .optional();
    }

    /** Takes an interrupted import over to resume it; false when it is not interrupted, or another took it first. */
    boolean resume(String id) {
        return jdbc.sql("UPDATE bulk_import SET status = 'RUNNING', heartbeat_at = now() WHERE import_id = :id AND "
                        + STATUS + " = 'INTERRUPTED'")
                .param("id", id).update() == 1;
    }

    void heartbeat(String id) {
        jdbc.sql("UPDATE bulk_import SET heartbeat_at = now() WHERE import_id = :id").param("id", id).update();
    }

    void complete(String id, long position) {
        jdbc.sql("UPDATE bulk_import SET status = 'COMPLETED', position = :position WHERE import_id = :id")
                .param("position", position).param("id", id).update();
    }

    void interrupt(String id) {
        jdbc.sql("UPDATE bulk_import SET status = 'INTERRUPTED' WHERE import_id = :id AND status = 'RUNNING'")
                .param("id", id).update();
    }

    void saveRows(String id, List<SettledRow> rows) {
        batches.batchUpdate("""
                        INSERT INTO bulk_import_row (import_id, row_index, row_number, number, outcome, number_id, e164,
                            code, reason, field)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(), (statement, row) -> {
            BulkImportRowResult result = row.result();
            statement.setString(1, id);
            statement.setInt(2, row.index());
            statement.setInt(3, result.row());
            statement.setString(4, result.number());
            statement.setString(5, result.outcome().name());
            statement.setString(6, result.id());
            statement.setString(7, result.e164());
            statement.setString(8, result.code() == null ? null : result.code().name());
            statement.setString(9, result.reason());
            statement.setString(10, result.field());
        });
    }

    /** The places in the request of the rows that have a result already. */
    Set<Integer> doneRows(String id) {
        return new HashSet<>(jdbc.sql("SELECT row_index FROM bulk_import_row WHERE import_id = :id")
                .param("id", id).query(Integer.class).list());
    }

    /**
     * The highest event-store position of the numbers the import brought in, or 0 when it brought in none: where a
     * query has to be for the client to read them all.
     */
    long importedPosition(String id) {
        return jdbc.sql("""
                        SELECT coalesce(max(e.global_index), 0) FROM bulk_import_row r
                        JOIN domain_event_entry e ON e.aggregate_identifier = r.number_id
                        WHERE r.import_id = :id AND r.outcome = 'IMPORTED'""")
                .param("id", id).query(Long.class).single();
    }

    /** The import as a client sees it; with the result of every row once it is completed. */
    BulkImport view(StoredImport stored) {
        Map<BulkImportOutcome, Integer> counts = new EnumMap<>(BulkImportOutcome.class);
        jdbc.sql("SELECT outcome, count(*) FROM bulk_import_row WHERE import_id = :id GROUP BY outcome")
                .param("id", stored.id())
                .query(rs -> {
                    counts.put(BulkImportOutcome.valueOf(rs.getString(1)), rs.getInt(2));
                });
        int done = counts.values().stream().mapToInt(Integer::intValue).sum();
        List<BulkImportRowResult> results = stored.status() == BulkImportStatus.COMPLETED ? results(stored.id()) : null;
        return new BulkImport(stored.id(), stored.status(), stored.total(), done,
                counts.getOrDefault(BulkImportOutcome.IMPORTED, 0),
                counts.getOrDefault(BulkImportOutcome.ALREADY_HELD, 0),
                counts.getOrDefault(BulkImportOutcome.INVALID, 0), stored.position(), results);
    }

    private List<BulkImportRowResult> results(String id) {
        return jdbc.sql("""
                        SELECT row_number, number, outcome, number_id, e164, code, reason, field FROM bulk_import_row
                        WHERE import_id = :id ORDER BY row_index""")
                .param("id", id)
                .query((rs, row) -> new BulkImportRowResult(rs.getInt("row_number"), rs.getString("number"),
                        BulkImportOutcome.valueOf(rs.getString("outcome")), rs.getString("number_id"),
                        rs.getString("e164"), code(rs.getString("code")), rs.getString("reason"),
                        rs.getString("field")))
                .list();
    }

    private static ErrorCode code(String name) {
        return name == null ? null : ErrorCode.valueOf(name);
    }
}
