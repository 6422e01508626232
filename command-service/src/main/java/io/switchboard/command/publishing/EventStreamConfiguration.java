package io.switchboard.command.publishing;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.support.axon.AxonSerializationConfiguration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.util.Map;

/**
 * The outbox toward Kafka. The producer is idempotent and waits for all in-sync replicas; during a broker outage
 * it keeps the batch buffered and retries for up to two minutes before the processor retries the batch itself.
 */
@Configuration
@EnableConfigurationProperties(EventStreamProperties.class)
@ConditionalOnProperty(prefix = "switchboard.kafka", name = "enabled", havingValue = "true", matchIfMissing = true)
class EventStreamConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventStreamConfiguration.class);

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> eventProducer(EventStreamProperties properties) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "switchboard-publisher",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Bean(destroyMethod = "close")
    Admin eventStreamAdmin(EventStreamProperties properties) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers()));
    }

    @Bean
    EventTopic eventTopic(Admin eventStreamAdmin, EventStreamProperties properties) {
        return new EventTopic(eventStreamAdmin, properties);
    }

    /** Creates the topic with its settings at start; a broker that is down then only delays the first send. */
    @EventListener(ApplicationReadyEvent.class)
    void createTopic(ApplicationReadyEvent ready) {
        EventTopic topic = ready.getApplicationContext().getBean(EventTopic.class);
        try {
            topic.ensureExists();
        } catch (Exception unavailable) {
            log.warn("Kafka is not reachable yet; the topic {} is created with the first publication", topic.name());
        }
    }

    @Bean
    KafkaEventPublisher kafkaEventPublisher(Producer<String, byte[]> eventProducer, EventTopic eventTopic,
                                            JdbcClient jdbc, MeterRegistry registry,
                                            EventProcessingConfiguration processing) {
        return new KafkaEventPublisher(eventProducer, eventTopic,
                new CloudEventWriter(AxonSerializationConfiguration.eventObjectMapper()), new GlobalPositions(jdbc),
                new PublisherMetrics(registry, jdbc, processing, Clock.systemUTC()));
    }
}
