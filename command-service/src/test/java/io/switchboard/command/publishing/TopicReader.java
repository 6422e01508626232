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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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

    /** Everything on the topic, read until {@code done} holds for what was read, or the timeout passes. */
    static List<Published> readUntil(String bootstrapServers, Predicate<List<Published>> done, Duration timeout) {
        List<Published> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            Instant deadline = Instant.now().plus(timeout);
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                try {
                    partitions = consumer.partitionsFor(CloudEventAttributes.TOPIC, Duration.ofSeconds(2)).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                } catch (TimeoutException notCreatedYet) {
                    partitions = List.of();
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!done.test(records) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    records.add(new Published(record.key(), JSON.readTree(record.value()),
                            new String(record.headers().lastHeader("content-type").value())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }
}
