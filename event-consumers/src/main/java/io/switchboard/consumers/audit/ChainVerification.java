package io.switchboard.consumers.audit;

import io.switchboard.api.stream.CloudEventAttributes;
import io.switchboard.consumers.cli.Arguments;
import io.switchboard.consumers.stream.MalformedEventException;
import io.switchboard.consumers.stream.ReceivedEvent;
import io.switchboard.consumers.stream.ReceivedRecord;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * {@code audit verify}: recomputes every aggregate's tamper-evident chain (SPEC §5) on the topic and in the event
 * store, checks that the store holds, for each aggregate, the hash the topic published for its newest event there,
 * and names the first broken link of each. Exit status 0 when every chain holds, 1 when one does not or a source
 * cannot be read, 2 for bad options.
 */
final class ChainVerification {

    static final String USAGE = "usage: audit verify [--bootstrap-servers 127.0.0.1:19092] [--topic switchboard.events]"
            + " [--jdbc-url jdbc:postgresql://127.0.0.1:15432/switchboard] [--jdbc-user postgres]"
            + " [--jdbc-password PASSWORD] [--schema command]";
    private static final int LISTED_BREAKS = 20;

    private final SequenceCheck redeliveries = new SequenceCheck();
    private final ChainCheck topic = new ChainCheck();
    private final ChainCheck store = new ChainCheck();
    private long malformed;

    private ChainVerification() {
    }

    static int run(String[] args, PrintStream out) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args, Set.of("bootstrap-servers", "topic", "jdbc-url", "jdbc-user",
                    "jdbc-password", "schema"), Set.of());
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        String bootstrapServers = arguments.value("bootstrap-servers", "127.0.0.1:19092");
        String topicName = arguments.value("topic", CloudEventAttributes.TOPIC);
        String schema = arguments.value("schema", "command");
        ChainVerification verification = new ChainVerification();
        if (!WholeTopic.read(bootstrapServers, topicName, verification::acceptRecord, out)) {
            return 1;
        }
        try (EventStore events = new EventStore(
                arguments.value("jdbc-url", "jdbc:postgresql://127.0.0.1:15432/switchboard"),
                arguments.value("jdbc-user", "postgres"), arguments.value("jdbc-password").orElse(null), schema)) {
            events.forEachLink(verification::acceptStored);
        } catch (SQLException | IllegalArgumentException e) {
            out.println("audit verify: cannot read the event store: " + e.getMessage());
            return 1;
        }
        boolean clean = verification.report(out, "the event store " + schema + ".domain_event_entry", verification.store,
                "")
                & verification.report(out, "the topic " + topicName + " at " + bootstrapServers, verification.topic,
                " (" + verification.redeliveries.redeliveries() + " redelivered, ignored; " + verification.malformed
                        + " malformed)");
        clean &= verification.malformed == 0;
        out.println(clean ? "result: every chain holds" : "result: BROKEN");
        return clean ? 0 : 1;
    }

    private void acceptRecord(ReceivedRecord record) {
        try {
            ReceivedEvent received = record.parse();
            if (redeliveries.accept(received)) {
                topic.accept(new ChainLink(received.event().chainedContent(), received.event().chainHash(),
                        received.event().globalPosition(), "topic " + received.position()));
            }
        } catch (MalformedEventException e) {
            malformed++;
        }
    }

    private void acceptStored(ChainLink link) {
        store.accept(link);
        ChainCheck.Head published = topic.heads().get(link.content().aggregateId());
        if (published != null && published.sequence() == link.content().sequence() && published.hash() != null
                && link.hash() != null && !published.hash().equals(link.hash())) {
            store.broken(link, "its hash differs from the chainhash the topic carries for the same event: one of the"
                    + " two copies was rewritten");
        }
    }

    private boolean report(PrintStream out, String source, ChainCheck check, String notes) {
        List<ChainBreak> breaks = check.breaks();
        out.printf("chains in %s: %d events%s, %d aggregates, broken links: %s%n", source, check.links(), notes,
                check.aggregates(), breaks.isEmpty() ? "none" : breaks.size());
        breaks.stream().limit(1).forEach(broken -> out.println("  first broken link: " + broken));
        breaks.stream().skip(1).limit(LISTED_BREAKS - 1).forEach(broken -> out.println("  then: " + broken));
        if (breaks.size() > LISTED_BREAKS) {
            out.println("  and " + (breaks.size() - LISTED_BREAKS) + " more");
        }
        return breaks.isEmpty();
    }
}
