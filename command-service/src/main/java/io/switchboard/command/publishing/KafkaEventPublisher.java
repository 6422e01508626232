package io.switchboard.command.publishing;

import io.switchboard.api.stream.CloudEventAttributes;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Streams the event store to Kafka: the event store is the transactional outbox, this tracking processor's token
 * the outbox's read position. Each batch is sent when its unit of work prepares to commit, and the token is
 * committed only after Kafka acknowledged every record of the batch; any failure rolls the token back and the
 * batch is sent again (at-least-once, in order per aggregate since the key is the aggregate id).
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSOR)
public class KafkaEventPublisher {

    public static final String PROCESSOR = "kafka-publisher";
    private static final String BATCH = KafkaEventPublisher.class.getName() + ".batch";
    private static final long ACK_TIMEOUT_SECONDS = 150;

    private final Producer<String, byte[]> producer;
    private final EventTopic topic;
    private final CloudEventWriter writer;
    private final GlobalPositions positions;
    private final PublisherMetrics metrics;

    KafkaEventPublisher(Producer<String, byte[]> producer, EventTopic topic, CloudEventWriter writer,
                        GlobalPositions positions, PublisherMetrics metrics) {
        this.producer = producer;
        this.topic = topic;
        this.writer = writer;
        this.positions = positions;
        this.metrics = metrics;
    }

    @EventHandler
    void on(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            batch().add(domainEvent);
        }
    }

    private List<DomainEventMessage<?>> batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            unitOfWork.onPrepareCommit(committing -> publish(events));
            return events;
        });
    }

    private void publish(List<DomainEventMessage<?>> events) {
        try {
            topic.ensureExists();
            Map<String, Long> globalPositions = positions.of(events.stream().map(EventMessage::getIdentifier).toList());
            List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(events.size());
            for (DomainEventMessage<?> event : events) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), null,
                        event.getAggregateIdentifier(), writer.write(event, globalPositions.get(event.getIdentifier())),
                        List.of(new RecordHeader("content-type",
                                CloudEventAttributes.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))));
                acknowledgements.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                acknowledgement.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            metrics.published(events);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not acknowledge the batch; it will be sent again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while publishing; the batch will be sent again", e);
        }
    }

    static final class KafkaUnavailableException extends RuntimeException {
        KafkaUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
