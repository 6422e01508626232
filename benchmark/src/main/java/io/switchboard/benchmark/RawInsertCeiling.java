package io.switchboard.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The physical ceiling the benchmark is measured against: plain JDBC, one event-sized row per transaction, into a
 * table shaped like the event store, on the same PostgreSQL and at the same concurrency.
 */
final class RawInsertCeiling {

    private final String jdbcUrl;

    RawInsertCeiling(String jdbcUrl) throws SQLException {
        this.jdbcUrl = jdbcUrl;
        try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS public.bench_raw_insert (
                        global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE,
                        aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL,
                        payload BYTEA NOT NULL, UNIQUE (aggregate_identifier, sequence_number))""");
        }
    }

    /** Commits per second with {@code concurrency} connections, each inserting one row per transaction. */
    double commitsPerSecond(int concurrency, Duration duration) throws InterruptedException {
        AtomicLong commits = new AtomicLong();
        long until = System.nanoTime() + duration.toNanos();
        byte[] payload = new byte[600];
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread writer = new Thread(() -> {
                String aggregate = UUID.randomUUID().toString();
                try (Connection connection = DriverManager.getConnection(jdbcUrl);
                     PreparedStatement insert = connection.prepareStatement(
                             "INSERT INTO public.bench_raw_insert (event_identifier, aggregate_identifier, sequence_number,"
                                     + " payload) VALUES (?, ?, ?, ?)")) {
                    for (long sequence = 0; System.nanoTime() < until; sequence++) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, aggregate);
                        insert.setLong(3, sequence);
                        insert.setBytes(4, payload);
                        insert.executeUpdate();
                        commits.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            writers.add(writer);
        }
        for (Thread writer : writers) {
            writer.join();
        }
        return commits.get() / (duration.toMillis() / 1000.0);
    }
}
