package io.switchboard.consumers.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.switchboard.consumers.stream.Json;
import io.switchboard.consumers.testing.TestBroker;
import io.switchboard.consumers.testing.TestEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.switchboard.consumers.billing.BillingLedgerTest.total;
import static io.switchboard.consumers.testing.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The billing consumer as run from the command line, against a real broker. */
class BillingConsumerTest {

    /** Two orgs import numbers across days, acme releases n1 and globex imports it; a2's call counts too. */
    private static final TestEvent N1_RELEASED = numberReleased("n1", 2, "acme", "2026-11-03T17:00:00Z");
    private static final TestEvent N1_REIMPORTED = numberImported("n1", 3, "globex", "2026-11-03T18:00:00Z");
    private static final TestEvent N2_IMPORTED = numberImported("n2", 0, "globex", "2026-11-02T23:59:59Z");
    private static final TestEvent A1_THIRD_CALL = callCounted("a1", 3, "acme", "2026-11-05T10:00:00Z", "2026-11-05");

    /** 7 records, one a redelivery. */
    private static final List<TestEvent> FIRST_PART = List.of(
            numberImported("n1", 0, "acme", "2026-11-01T09:00:00Z"),
            numberActivated("n1", 1, "acme", "2026-11-01T09:01:00Z"),
            N2_IMPORTED,
            N1_RELEASED,
            assigned("a1", 0, "acme", "n3", "2026-11-03T18:30:00Z"),
            callCounted("a1", 1, "acme", "2026-11-04T15:00:00Z", "2026-11-04"),
            N2_IMPORTED);

    /** 12 records, three of them redeliveries: the publisher re-sent a run of two, and one call again. */
    private static final List<TestEvent> SECOND_PART = List.of(
            N1_REIMPORTED,
            N1_RELEASED,
            N1_REIMPORTED,
            numberImported("n3", 0, "acme", "2026-11-04T00:00:00Z"),
            numberReleased("n3", 1, "acme", "2026-11-04T01:00:00Z"),
            numberImported("n3", 2, "acme", "2026-11-04T05:00:00Z"),
            callCounted("a1", 2, "acme", "2026-11-05T02:00:00Z", "2026-11-04"),
            A1_THIRD_CALL,
            assigned("a2", 0, "globex", "n2", "2026-11-04T09:00:00Z"),
            callCounted("a2", 1, "globex", "2026-11-05T12:00:00Z", "2026-11-05"),
            A1_THIRD_CALL,
            numberDeactivated("n2", 1, "globex", "2026-11-04T08:00:00Z"));

    /** Held numbers count through 2026-11-05, the day of the latest event. */
    private static final List<DailyTotal> EXPECTED = List.of(
            total("acme", "2026-11-01", 1, 0),
            total("acme", "2026-11-02", 1, 0),
            total("acme", "2026-11-03", 1, 0),
            total("acme", "2026-11-04", 1, 2),
            total("acme", "2026-11-05", 1, 1),
            total("globex", "2026-11-02", 1, 0),
            total("globex", "2026-11-03", 2, 0),
            total("globex", "2026-11-04", 2, 0),
            total("globex", "2026-11-05", 2, 1));

    @TempDir
    static Path directory;
    private static TestBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start(directory.resolve("kafka"));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    @DisplayName("imports in two orgs, a release, a re-import by another org and counted calls, some delivered"
            + " twice: number-days and calls per org per day are exact")
    void given_a_realistic_stream_with_redeliveries_when_reported_then_totals_are_exact() {
        String topic = broker.newTopic();
        broker.publish(topic, all());

        Run run = report(topic, directory.resolve("exact.json"));

        assertThat(run.totals()).containsExactlyElementsOf(EXPECTED);
        assertThat(run.log()).contains("read 19 records (4 redelivered, 0 malformed)");
    }

    @Test
    @DisplayName("a restart continues from the offsets in the state file and ends with the same totals")
    void given_a_state_file_when_restarted_then_only_new_records_are_read_and_totals_are_the_same() {
        String topic = broker.newTopic();
        Path state = directory.resolve("restart.json");
        broker.publish(topic, FIRST_PART);
        assertThat(report(topic, state).log()).contains("read 7 records (1 redelivered, 0 malformed)");

        broker.publish(topic, SECOND_PART);
        Run restarted = report(topic, state);
        Run again = report(topic, state);

        assertThat(restarted.log()).contains("read 12 records (3 redelivered, 0 malformed)");
        assertThat(restarted.totals()).containsExactlyElementsOf(EXPECTED);
        assertThat(again.log()).contains("read 0 records");
        assertThat(again.totals()).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    @DisplayName("a replay from offset 0 with empty state, with --from-beginning or without a state file, gives"
            + " the same totals")
    void given_a_consumed_topic_when_replayed_from_offset_zero_then_totals_are_the_same() {
        String topic = broker.newTopic();
        Path state = directory.resolve("replay.json");
        broker.publish(topic, all());
        report(topic, state);

        Run fromBeginning = report(topic, state, "--from-beginning");
        Run withoutState = report(topic, directory.resolve("never-written.json"));

        assertThat(fromBeginning.log()).contains("read 19 records");
        assertThat(fromBeginning.totals()).containsExactlyElementsOf(EXPECTED);
        assertThat(withoutState.totals()).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    @DisplayName("a record that is not a CloudEvent is skipped, naming where it is, and the rest still counts")
    void given_a_malformed_record_when_reported_then_it_is_skipped_and_named() {
        String topic = broker.newTopic();
        broker.publishGarbage(topic, "n1");
        broker.publish(topic, all());

        Run run = report(topic, directory.resolve("malformed.json"));

        assertThat(run.log()).contains("skipped the record at partition", "1 malformed");
        assertThat(run.totals()).containsExactlyElementsOf(EXPECTED);
    }

    private static List<TestEvent> all() {
        return Stream.concat(FIRST_PART.stream(), SECOND_PART.stream()).toList();
    }

    private static Run report(String topic, Path stateFile, String... more) {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", broker.bootstrapServers(),
                "--topic", topic, "--state-file", stateFile.toString(), "--report"));
        args.addAll(List.of(more));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int status = BillingConsumer.run(args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(status).as(log.toString(StandardCharsets.UTF_8)).isZero();
        return new Run(out.toString(StandardCharsets.UTF_8), log.toString(StandardCharsets.UTF_8));
    }

    private record Run(String output, String log) {

        List<DailyTotal> totals() {
            return output.lines().map(Run::readTotal).toList();
        }

        private static DailyTotal readTotal(String line) {
            try {
                return Json.MAPPER.readValue(line, DailyTotal.class);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
