package io.switchboard.consumers.stream;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads every partition of one topic, from offsets the caller keeps. Partitions are assigned, not subscribed: a
 * consumer here owns its progress (in its own state, next to what that progress produced), so there is no
 * consumer group and no committed offset that could disagree with it.
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final Consumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;

    /** @throws IllegalStateException when the topic does not exist */
    public TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("topic " + topic + " does not exist at " + bootstrapServers);
        }
        consumer.assign(partitions);
    }

    /** Continues each partition at its offset in {@code offsets}; a partition missing there starts at offset 0. */
    public void seek(Map<Integer, Long> offsets) {
        for (TopicPartition partition : partitions) {
            Long offset = offsets.get(partition.partition());
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset);
            }
        }
    }

    /** Hands over every batch until each partition has reached the end it had when this was called. */
    public void readToEnd(java.util.function.Consumer<List<ReceivedRecord>> batches) {
        Map<Integer, Long> ends = byPartition(consumer.endOffsets(partitions));
        while (!reached(ends)) {
            batches.accept(poll());
        }
    }

    /** The next records, waiting a little when there are none; {@link #wakeup()} interrupts the wait. */
    public List<ReceivedRecord> poll() {
        List<ReceivedRecord> records = new ArrayList<>();
        consumer.poll(POLL_TIMEOUT).forEach(record -> records.add(
                new ReceivedRecord(new RecordPosition(record.partition(), record.offset()), record.value())));
        return records;
    }

    /** The offset of the next record to read, per partition. */
    public Map<Integer, Long> positions() {
        return byPartition(partitions, consumer::position);
    }

    /** Makes a blocked {@link #poll()} throw {@link org.apache.kafka.common.errors.WakeupException}; any thread. */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }

    private boolean reached(Map<Integer, Long> ends) {
        return positions().entrySet().stream().allMatch(position -> position.getValue() >= ends.get(position.getKey()));
    }

    private static Map<Integer, Long> byPartition(Map<TopicPartition, Long> offsets) {
        return byPartition(offsets.keySet(), offsets::get);
    }

    private static Map<Integer, Long> byPartition(Iterable<TopicPartition> partitions,
                                                  Function<TopicPartition, Long> offset) {
        Map<Integer, Long> offsets = new TreeMap<>();
        partitions.forEach(partition -> offsets.put(partition.partition(), offset.apply(partition)));
        return offsets;
    }
}
