package io.switchboard.consumers.audit;

import io.switchboard.api.stream.CloudEventAttributes;
import io.switchboard.consumers.cli.Arguments;
import io.switchboard.consumers.stream.MalformedEventException;
import io.switchboard.consumers.stream.ReceivedEvent;
import io.switchboard.consumers.stream.ReceivedRecord;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Audits the event stream from offset 0 to the topic's current end: every record is a Switchboard CloudEvent,
 * each aggregate's sequence runs 0, 1, 2, ... once redeliveries are dropped, and, given a JDBC URL, a sample of
 * aggregates has on the topic exactly the history the event store holds. Exit status 0 when all is well, 1 when
 * anything is broken. With {@code --history NUMBER_ID} it prints instead that number's history as the topic tells
 * it, one JSON object per line, as the query service's history endpoint answers it. {@code audit verify} checks the
 * tamper-evident chains instead ({@link ChainVerification}).
 */
public final class AuditConsumer {

    private static final String USAGE = "usage: audit [--bootstrap-servers 127.0.0.1:19092]"
            + " [--topic switchboard.events] [--jdbc-url URL [--jdbc-user USER] [--jdbc-password PASSWORD]"
            + " [--schema command] [--sample 100]] | [--history NUMBER_ID [--with-calls]]\n" + ChainVerification.USAGE;

    private final SequenceCheck sequences = new SequenceCheck();
    private final int sampleSize;
    private final SampledHistories sample;
    private final List<String> malformed = new ArrayList<>();
    private long records;
    private long publishedThrough = -1;

    private AuditConsumer(int sampleSize) {
        this.sampleSize = sampleSize;
        sample = new SampledHistories(sampleSize);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs with {@code args}, reporting to {@code out}; the exit status. */
    public static int run(String[] args, PrintStream out) {
        if (args.length > 0 && args[0].equals("verify")) {
            return ChainVerification.run(Arrays.copyOfRange(args, 1, args.length), out);
        }
        Arguments arguments;
        int sampleSize;
        try {
            arguments = Arguments.parse(args, Set.of("bootstrap-servers", "topic", "jdbc-url", "jdbc-user",
                    "jdbc-password", "schema", "sample", "history"), Set.of("with-calls"));
            sampleSize = arguments.number("sample", 100, 1);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        String bootstrapServers = arguments.value("bootstrap-servers", "127.0.0.1:19092");
        String topic = arguments.value("topic", CloudEventAttributes.TOPIC);
        if (arguments.value("history").isPresent()) {
            return history(arguments, bootstrapServers, topic, out);
        }
        AuditConsumer audit = new AuditConsumer(sampleSize);
        if (!WholeTopic.read(bootstrapServers, topic, audit::accept, out)) {
            return 1;
        }
        out.printf("audit of %s at %s: %d records (%d redelivered, ignored), aggregates: %d%n", topic,
                bootstrapServers, audit.records, audit.sequences.redeliveries(), audit.sequences.aggregates());
        boolean clean = audit.reportTopic(out);
        if (arguments.value("jdbc-url").isPresent()) {
            clean &= audit.reportEventStore(arguments, out);
        }
        out.println(clean ? "result: clean" : "result: BROKEN");
        return clean ? 0 : 1;
    }

    private static int history(Arguments arguments, String bootstrapServers, String topic, PrintStream out) {
        NumberHistoryReplay replay = new NumberHistoryReplay(arguments.value("history").orElseThrow(),
                arguments.flag("with-calls"));
        boolean read = WholeTopic.read(bootstrapServers, topic, record -> {
            try {
                replay.accept(record.parse().event());
            } catch (MalformedEventException e) {
                // the audit proper reports malformed records; a history shows only what can be read
            }
        }, out);
        if (!read) {
            return 1;
        }
        replay.entries().forEach(out::println);
        return 0;
    }

    private void accept(ReceivedRecord record) {
        records++;
        try {
            ReceivedEvent received = record.parse();
            if (sequences.accept(received)) {
                sample.add(received.event());
                publishedThrough = Math.max(publishedThrough, received.event().globalPosition());
            }
        } catch (MalformedEventException e) {
            malformed.add(record.position() + ": " + e.getMessage());
        }
    }

    private boolean reportTopic(PrintStream out) {
        List<BrokenLink> brokenLinks = sequences.brokenLinks();
        report(out, "malformed records", malformed);
        report(out, "aggregates whose sequence breaks", brokenLinks);
        return malformed.isEmpty() && brokenLinks.isEmpty();
    }

    private boolean reportEventStore(Arguments arguments, PrintStream out) {
        String schema = arguments.value("schema", "command");
        try (EventStore store = new EventStore(arguments.value("jdbc-url").orElseThrow(),
                arguments.value("jdbc-user").orElse(null), arguments.value("jdbc-password").orElse(null), schema)) {
            // the first N of both sides together: an aggregate missing on either side is sampled too
            TreeSet<String> subjects = new TreeSet<>(sample.bySubject().keySet());
            subjects.addAll(store.firstAggregates(sampleSize));
            List<String> compared = subjects.stream().limit(sampleSize).toList();
            List<Difference> differences = StoreComparison.compare(compared, sample.bySubject(),
                    store.histories(compared), publishedThrough);
            out.printf("event store %s.domain_event_entry: %d aggregates compared (topic published through global"
                    + " position %d)%n", schema, compared.size(), publishedThrough);
            report(out, "differences between the topic and the event store", differences);
            return differences.isEmpty();
        } catch (SQLException | IllegalArgumentException e) {
            out.println("audit: cannot read the event store: " + e.getMessage());
            return false;
        }
    }

    private static void report(PrintStream out, String what, List<?> findings) {
        out.println(what + ": " + (findings.isEmpty() ? "none" : findings.size()));
        findings.forEach(finding -> out.println("  " + finding));
    }
}
