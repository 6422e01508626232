package io.switchboard.command.publishing;

import io.switchboard.api.stream.CloudEventAttributes;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how the event store is streamed to Kafka. {@code enabled=false} runs the service without a
 * publisher (events then wait in the event store, the outbox, until a publisher runs).
 */
@ConfigurationProperties("switchboard.kafka")
public record EventStreamProperties(Boolean enabled, String bootstrapServers, String topic, Integer partitions,
                                    Short replicationFactor) {

    public EventStreamProperties {
        enabled = enabled == null || enabled;
        topic = topic == null ? CloudEventAttributes.TOPIC : topic;
        partitions = partitions == null ? 6 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
    }
}
