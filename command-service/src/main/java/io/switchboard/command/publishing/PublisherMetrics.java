package io.switchboard.command.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Actuator metrics of the outbox: {@code switchboard.publisher.lag.events} (stored but not yet acknowledged),
 * {@code switchboard.publisher.lag.ms} (age of the oldest such event) and {@code switchboard.publisher.delay}
 * (event stored to Kafka acknowledgement, with percentiles).
 */
class PublisherMetrics {

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final Clock clock;
    private final Timer delay;

    PublisherMetrics(MeterRegistry registry, JdbcClient jdbc, EventProcessingConfiguration processing, Clock clock) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.clock = clock;
        this.delay = Timer.builder("switchboard.publisher.delay")
                .description("time from an event's commit to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
        Gauge.builder("switchboard.publisher.lag.events", this::eventsBehind)
                .description("events stored but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("switchboard.publisher.lag.ms", this::millisecondsBehind)
                .description("age of the oldest event not yet acknowledged by Kafka").register(registry);
    }

    void published(List<DomainEventMessage<?>> events) {
        Instant acknowledged = clock.instant();
        events.forEach(event -> delay.record(Duration.between(event.getTimestamp(), acknowledged)));
    }

    private double eventsBehind() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE global_index > :position")
                .param("position", publishedPosition()).query(Long.class).single();
    }

    private double millisecondsBehind() {
        return jdbc.sql("""
                        SELECT time_stamp FROM domain_event_entry WHERE global_index > :position
                        ORDER BY global_index LIMIT 1""")
                .param("position", publishedPosition())
                .query(String.class).optional()
                .map(stored -> (double) Duration.between(Instant.parse(stored), clock.instant()).toMillis())
                .orElse(0.0);
    }

    private long publishedPosition() {
        return processing.eventProcessor(KafkaEventPublisher.PROCESSOR, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .filter(OptionalLong::isPresent)
                        .mapToLong(OptionalLong::getAsLong)
                        .min().orElse(0L))
                .orElse(0L);
    }
}
