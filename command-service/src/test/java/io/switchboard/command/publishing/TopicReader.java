package io.switchboard.command.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.stream.CloudEventAttributes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reads the event topic from offset 0, as any consumer rebuilding from the beginning would. */
final class TopicReader {

    record Published(String key, JsonNode event, String contentType) {
        String id() {
            return event.get(CloudEventAttributes.ID).asText();
        }

        long sequence() {
            return event.get(CloudEventAttributes.AGGREGATE_SEQUENCE).asLong();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicReader() {
    }

    /** Everything on the topic, read until {@code done} holds for what was read; fails once {@code timeout} passed. */
    static List<Published> readUntil(String bootstrapServers, Predicate<List<Published>> done, Duration timeout) {
        return readUntilSatisfied(bootstrapServers,
                read -> assertThat(done.test(read)).as("done after %d records", read.size()).isTrue(), timeout);
    }

    /**
     * Everything on the topic, read until what was read satisfies {@code expectation}; once {@code timeout} passed,
     * fails with the expectation's last failure.
     */
    static List<Published> readUntilSatisfied(String bootstrapServers, Consumer<List<Published>> expectation,
                                              Duration timeout) {
        List<Published> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            // the consumer is not thread-safe: it is only ever called from this thread
            List<TopicPartition> partitions = await("the partitions of " + CloudEventAttributes.TOPIC).atMost(timeout)
                    .pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(TimeoutException.class)
                    .until(() -> consumer.partitionsFor(CloudEventAttributes.TOPIC, Duration.ofSeconds(2)).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition())).toList(),
                            found -> !found.isEmpty());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // the consumer's poll is the wait between two looks
            await(CloudEventAttributes.TOPIC + " read from offset 0").atMost(timeout).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ZERO).untilAsserted(() -> {
                        consumer.poll(Duration.ofMillis(250)).forEach(record -> records.add(published(record)));
                        expectation.accept(records);
                    });
        }
        return records;
    }

    private static Published published(ConsumerRecord<String, byte[]> record) {
        try {
            return new Published(record.key(), JSON.readTree(record.value()),
                    new String(record.headers().lastHeader("content-type").value()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
