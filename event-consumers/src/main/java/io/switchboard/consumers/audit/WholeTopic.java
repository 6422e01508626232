package io.switchboard.consumers.audit;

import io.switchboard.consumers.stream.ReceivedRecord;
import io.switchboard.consumers.stream.TopicReader;
import org.apache.kafka.common.KafkaException;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.Consumer;

/** What every audit reads: a topic from offset 0 to its current end. */
final class WholeTopic {

    private WholeTopic() {
    }

    /** Hands every record to {@code each}; false, reported on {@code out}, when the topic cannot be read. */
    static boolean read(String bootstrapServers, String topic, Consumer<ReceivedRecord> each, PrintStream out) {
        try (TopicReader reader = new TopicReader(bootstrapServers, topic)) {
            reader.seek(Map.of());
            reader.readToEnd(batch -> batch.forEach(each));
            return true;
        } catch (KafkaException | IllegalStateException e) {
            out.println("audit: cannot read " + topic + " at " + bootstrapServers + ": " + e.getMessage());
            return false;
        }
    }
}
