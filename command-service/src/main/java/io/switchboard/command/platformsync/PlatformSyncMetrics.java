package io.switchboard.command.platformsync;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;

/**
 * Actuator metrics of the outbound sync: {@code switchboard.platform.sync.calls} by operation and outcome
 * (delivered, retried, failed) and {@code switchboard.platform.sync.parked}, the events in the dead-letter queue.
 */
final class PlatformSyncMetrics {

    private final MeterRegistry registry;

    PlatformSyncMetrics(MeterRegistry registry, EventProcessingConfiguration processing) {
        this.registry = registry;
        Gauge.builder("switchboard.platform.sync.parked", processing, axon -> axon.deadLetterQueue(PlatformSync.GROUP)
                        .map(queue -> (double) queue.size()).orElse(0.0))
                .description("events parked because the voice platform kept refusing or failing them")
                .register(registry);
    }

    void count(String operation, String outcome) {
        registry.counter("switchboard.platform.sync.calls", "operation", operation, "outcome", outcome).increment();
    }
}
