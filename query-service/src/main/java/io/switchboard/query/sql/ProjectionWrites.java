package io.switchboard.query.sql;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The projections' writes. Inside a processor's batch they are held and sent to PostgreSQL just before the batch
 * commits, as JDBC batches of one statement text each: a replay then costs a few round trips per processor batch,
 * not one per event. Each statement writes one row, named by its {@code row} key. Statements on different rows
 * commute; those on one row keep their order (the version guards make an older write a no-op, so order matters):
 * a statement joins the latest JDBC batch of its text unless its row was written in a later one, else it starts a
 * new batch. Projections therefore never read what they write. Outside a unit of work (a reset, a test calling a
 * handler) a write is sent at once.
 */
@Component
public class ProjectionWrites {

    private static final String PENDING = ProjectionWrites.class.getName();

    private final NamedParameterJdbcTemplate jdbc;

    @Autowired
    public ProjectionWrites(DataSource dataSource) {
        jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    /** A statement that writes the one row keyed {@code row} (table and primary key, e.g. "number_view:n-1"). */
    public Write sql(String row, String sql) {
        return new Write(row, sql);
    }

    /** Sent at once, in or out of a batch: for resets. */
    public void now(String sql) {
        jdbc.getJdbcTemplate().update(sql);
    }

    public final class Write {
        private final String row;
        private final String sql;
        private final MapSqlParameterSource params = new MapSqlParameterSource();

        private Write(String row, String sql) {
            this.row = row;
            this.sql = sql;
        }

        public Write param(String name, Object value) {
            params.addValue(name, value);
            return this;
        }

        public void update() {
            if (!CurrentUnitOfWork.isStarted()) {
                jdbc.update(sql, params);
                return;
            }
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            root.<Pending>getOrComputeResource(PENDING, key -> {
                Pending pending = new Pending();
                root.onPrepareCommit(unitOfWork -> pending.flush());
                return pending;
            }).writes.add(this);
        }
    }

    private final class Pending {
        private final List<Write> writes = new ArrayList<>();

        void flush() {
            List<List<Write>> batches = new ArrayList<>();
            Map<String, Integer> latestBatchOfSql = new HashMap<>();
            Map<String, Integer> latestBatchOfRow = new HashMap<>();
            for (Write write : writes) {
                Integer batch = latestBatchOfSql.get(write.sql);
                if (batch == null || batch < latestBatchOfRow.getOrDefault(write.row, 0)) {
                    batch = batches.size();
                    batches.add(new ArrayList<>());
                    latestBatchOfSql.put(write.sql, batch);
                }
                batches.get(batch).add(write);
                latestBatchOfRow.put(write.row, batch);
            }
            batches.forEach(batch -> jdbc.batchUpdate(batch.get(0).sql,
                    batch.stream().map(write -> write.params).toArray(MapSqlParameterSource[]::new)));
            writes.clear();
        }
    }
}
