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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
    KafkaEventPublisher kafkaEventPublisher(Producer<String, byte[]> eventProducer, Admin eventStreamAdmin,
                                            EventStreamProperties properties, JdbcClient jdbc,
                                            MeterRegistry registry, EventProcessingConfiguration processing) {
        return new KafkaEventPublisher(eventProducer, new EventTopic(eventStreamAdmin, properties),
                new CloudEventWriter(AxonSerializationConfiguration.eventObjectMapper()), new GlobalPositions(jdbc),
                new PublisherMetrics(registry, jdbc, processing, Clock.systemUTC()));
    }
}
