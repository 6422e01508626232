package io.switchboard.consumers.testing;

import io.switchboard.api.stream.CloudEventAttributes;
import io.switchboard.infra.LocalKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A real Kafka broker (its own process) for one test class, with topics set up as the publisher sets up
 * {@code switchboard.events}, and records written as the publisher writes them.
 */
public final class TestBroker implements AutoCloseable {

    private static final int PARTITIONS = 3;

    private final LocalKafka kafka;
    private final Admin admin;
    private final Producer<String, byte[]> producer;

    private TestBroker(LocalKafka kafka) {
        this.kafka = kafka;
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // one request at a time: with more, the first one to a brand-new partition can fail (not leader
                // yet) while the next is appended, and its retries then never succeed (KAFKA-15591)
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                new StringSerializer(), new ByteArraySerializer());
    }

    public static TestBroker start(Path directory) {
        return new TestBroker(LocalKafka.start(directory, freePort(), freePort()));
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A new, empty topic of its own for one scenario: three partitions, nothing ever deleted. */
    public String newTopic() {
        String name = "events-" + UUID.randomUUID();
        NewTopic topic = new NewTopic(name, PARTITIONS, (short) 1)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
        try {
            admin.createTopics(Set.of(topic)).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        }
        return name;
    }

    /** Publishes in this order, keyed by subject, and waits until the broker acknowledged them all. */
    public void publish(String topic, List<TestEvent> events) {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>();
        for (TestEvent event : events) {
            acknowledgements.add(producer.send(new ProducerRecord<>(topic, null, event.subject(), event.json(),
                    List.of(new RecordHeader("content-type",
                            CloudEventAttributes.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))))));
        }
        acknowledgements.forEach(TestBroker::await);
    }

    /** Publishes a record that is not a CloudEvent at all. */
    public void publishGarbage(String topic, String key) {
        await(producer.send(new ProducerRecord<>(topic, key, "not an event".getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
        kafka.close();
    }

    private static void await(Future<RecordMetadata> acknowledgement) {
        try {
            acknowledgement.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("the broker did not take a record", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
