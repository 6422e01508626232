package io.switchboard.command.platformsync;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.support.axon.PerNumberSequencing;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbound sync, only when a voice platform is configured ({@code switchboard.platform-sync.enabled=true}):
 * without it there is no processor, nothing is called, and the dead-letter endpoints show an empty queue.
 */
@Configuration
@EnableConfigurationProperties(PlatformSyncProperties.class)
@ConditionalOnProperty(prefix = "switchboard.platform-sync", name = "enabled", havingValue = "true")
class PlatformSyncConfiguration {

    /** Numbers with parked events at most; past it the processor stops and retries until an operator makes room. */
    private static final int MAX_PARKED_NUMBERS = 10_000;

    @Bean
    PlatformSync platformSync(PlatformSyncProperties properties, JdbcClient jdbc, MeterRegistry registry,
                              EventProcessingConfiguration processing) {
        properties.vapi().requireComplete();
        PlatformSyncMetrics metrics = new PlatformSyncMetrics(registry, processing);
        RetryingDelivery delivery = new RetryingDelivery(properties.retry(), metrics);
        return new PlatformSync(new SyncedNumbers(jdbc), new VapiPhoneNumbers(properties.vapi()), delivery);
    }

    @Autowired
    void processWithDeadLetters(EventProcessingConfigurer processing, EntityManagerProvider entityManagers,
                                TransactionManager transactions) {
        processing.registerTrackingEventProcessor(PlatformSync.GROUP)
                .registerSequencingPolicy(PlatformSync.GROUP, configuration -> new PerNumberSequencing())
                .registerDeadLetterQueue(PlatformSync.GROUP, configuration -> JpaSequencedDeadLetterQueue.builder()
                        .processingGroup(PlatformSync.GROUP)
                        .maxSequences(MAX_PARKED_NUMBERS)
                        .entityManagerProvider(entityManagers)
                        .transactionManager(transactions)
                        .eventSerializer(configuration.eventSerializer())
                        .genericSerializer(configuration.serializer())
                        .build())
                .registerDeadLetterPolicy(PlatformSync.GROUP, configuration -> new AttemptCounting())
                // only the instance that owns the segment parks its letters, so it may remember which numbers have some
                .registerDeadLetteringEventHandlerInvokerConfiguration(PlatformSync.GROUP,
                        (configuration, invoker) -> invoker.enableSequenceIdentifierCache());
    }
}
