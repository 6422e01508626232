package io.switchboard.query.sql;

import io.switchboard.query.testing.Databases;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigInteger;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionWritesTest {

    private static final String SCHEMA = "projection_writes_test";
    /** Two statements that do not commute on one row: their order is visible in the result. */
    private static final String DOUBLE = "UPDATE scratch SET v = v * 2 + :x WHERE id = :id";
    private static final String TRIPLE = "UPDATE scratch SET v = v * 3 + :x WHERE id = :id";
    private static final int ROWS = 7;

    private static JdbcClient jdbc;
    private static ProjectionWrites writes;

    @BeforeAll
    static void scratchTable() {
        jdbc = Databases.freshReadModels(SCHEMA);
        writes = Databases.writes(SCHEMA);
        jdbc.sql("CREATE TABLE scratch (id integer PRIMARY KEY, v numeric NOT NULL)").update();
    }

    @Test
    @DisplayName("§5: a processor batch's writes, sent as JDBC batches at commit, leave every row as writing them one by one does")
    void batchedWritesKeepEachRowsOrder() {
        Random random = new Random(20261121);
        for (int round = 0; round < 20; round++) {
            reset();
            Map<Integer, BigInteger> oneByOne = new TreeMap<>();
            DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
            for (int i = 0; i < 300; i++) {
                int row = random.nextInt(ROWS);
                boolean doubling = random.nextBoolean();
                int x = random.nextInt(10);
                writes.sql("scratch:" + row, doubling ? DOUBLE : TRIPLE).param("id", row).param("x", x).update();
                oneByOne.merge(row, BigInteger.valueOf(x), (v, ignored) -> v.multiply(BigInteger.valueOf(
                        doubling ? 2 : 3)).add(BigInteger.valueOf(x)));
            }
            assertThat(rows().values()).as("nothing is sent before the batch commits").containsOnly(BigInteger.ZERO);
            batch.commit();

            assertThat(rows()).containsAllEntriesOf(oneByOne);
        }
    }

    private static void reset() {
        writes.now("TRUNCATE scratch");
        jdbc.sql("INSERT INTO scratch SELECT id, 0 FROM generate_series(0, :last) AS id").param("last", ROWS - 1)
                .update();
    }

    private static Map<Integer, BigInteger> rows() {
        return jdbc.sql("SELECT id, v FROM scratch").query((row, n) -> Map.entry(row.getInt(1),
                        row.getBigDecimal(2).toBigIntegerExact())).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
