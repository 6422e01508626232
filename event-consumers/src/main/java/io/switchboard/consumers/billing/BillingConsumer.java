package io.switchboard.consumers.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.switchboard.api.stream.CloudEventAttributes;
import io.switchboard.consumers.cli.Arguments;
import io.switchboard.consumers.stream.Json;
import io.switchboard.consumers.stream.MalformedEventException;
import io.switchboard.consumers.stream.ReceivedRecord;
import io.switchboard.consumers.stream.TopicReader;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Billing from the event stream: number-days held and calls counted, per organization per UTC day. Its state
 * (the ledger and the offsets it reflects) is saved after every batch, so a restart continues where it stopped.
 * {@code --report} prints the totals as JSON lines once caught up with the topic's end, and exits; otherwise it
 * follows the topic until Ctrl-C, printing a summary now and then.
 */
public final class BillingConsumer {

    private static final String USAGE = "usage: billing [--bootstrap-servers 127.0.0.1:19092]"
            + " [--topic switchboard.events] [--state-file .switchboard/billing-state.json] [--from-beginning]"
            + " [--report]";
    private static final Duration SUMMARY_INTERVAL = Duration.ofSeconds(30);

    private final TopicReader reader;
    private final BillingLedger ledger;
    private final Path stateFile;
    private final PrintStream log;
    private long recordsRead;
    private long redeliveries;
    private long malformed;

    private BillingConsumer(TopicReader reader, BillingLedger ledger, Path stateFile, PrintStream log) {
        this.reader = reader;
        this.ledger = ledger;
        this.stateFile = stateFile;
        this.log = log;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs with {@code args}: totals to {@code out}, progress and problems to {@code log}; the exit status. */
    static int run(String[] args, PrintStream out, PrintStream log) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args, Set.of("bootstrap-servers", "topic", "state-file"),
                    Set.of("from-beginning", "report"));
        } catch (IllegalArgumentException e) {
            log.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        Path stateFile = Path.of(arguments.value("state-file", ".switchboard/billing-state.json"));
        try (TopicReader reader = new TopicReader(arguments.value("bootstrap-servers", "127.0.0.1:19092"),
                arguments.value("topic", CloudEventAttributes.TOPIC))) {
            BillingState state = arguments.flag("from-beginning")
                    ? BillingState.empty() : BillingState.load(stateFile).orElseGet(BillingState::empty);
            reader.seek(state.offsets());
            BillingConsumer billing = new BillingConsumer(reader, new BillingLedger(state.ledger()), stateFile, log);
            if (arguments.flag("report")) {
                reader.readToEnd(billing::apply);
                billing.printSummary();
                billing.printTotals(out);
            } else {
                billing.followUntilStopped();
            }
            return 0;
        } catch (KafkaException | IllegalStateException | UncheckedIOException e) {
            log.println("billing: " + e.getMessage());
            return 1;
        }
    }

    private void followUntilStopped() {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            reader.wakeup();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        long nextSummary = System.nanoTime();
        try {
            while (true) {
                apply(reader.poll());
                if (System.nanoTime() - nextSummary >= 0) {
                    printSummary();
                    nextSummary = System.nanoTime() + SUMMARY_INTERVAL.toNanos();
                }
            }
        } catch (WakeupException stopping) {
            printSummary();
        } finally {
            // the JVM halts as soon as the hook returns: only after the batch in hand is saved
            stopped.countDown();
        }
    }

    private void apply(List<ReceivedRecord> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (ReceivedRecord record : batch) {
            recordsRead++;
            try {
                if (!ledger.apply(record.parse().event())) {
                    redeliveries++;
                }
            } catch (MalformedEventException e) {
                malformed++;
                log.println("billing: skipped the record at " + record.position() + ": " + e.getMessage());
            }
        }
        new BillingState(reader.positions(), ledger.snapshot()).save(stateFile);
    }

    private void printSummary() {
        List<DailyTotal> totals = ledger.totals();
        log.printf("billing: read %d records (%d redelivered, %d malformed); %d number-days and %d calls"
                        + " over %d organization-days; offsets %s%n",
                recordsRead, redeliveries, malformed,
                totals.stream().mapToLong(DailyTotal::numberDays).sum(),
                totals.stream().mapToLong(DailyTotal::callsCounted).sum(), totals.size(), reader.positions());
    }

    private void printTotals(PrintStream out) {
        for (DailyTotal total : ledger.totals()) {
            try {
                out.println(Json.MAPPER.writeValueAsString(total));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
