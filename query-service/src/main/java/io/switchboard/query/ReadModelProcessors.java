package io.switchboard.query;

import io.switchboard.query.number.NumberViewProjection;
import io.switchboard.support.axon.PerNumberSequencing;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * Every read model is a tracking processor reading the shared event store. A processor that skips an event it has
 * no handler for commits its token only once it has waited this long for more events; read-your-writes waits for
 * every processor's committed token, so the wait is kept short (Axon's default of one second showed as about
 * 0.8 s of lag on every read). A processor that is up to date handles what each poll brings, one to a few
 * events: the batch size only counts when it catches up.
 */
@Configuration
class ReadModelProcessors {

    private static final long EVENT_AVAILABILITY_TIMEOUT_MS = 50;
    /**
     * Events per transaction. A catching-up processor commits its token once per batch, also for a batch it has no
     * handler for (four of the five skip every call), so a rebuild of 1,000,000 events costs 5 × 1,000 commits.
     */
    static final int BATCH_SIZE = 1_000;

    /** number-view keeps every event of one number in one sequence, its own and its assignments'. */
    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(configuration -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andBatchSize(BATCH_SIZE)
                        .andEventAvailabilityTimeout(EVENT_AVAILABILITY_TIMEOUT_MS, TimeUnit.MILLISECONDS))
                .registerSequencingPolicy(NumberViewProjection.PROCESSING_GROUP,
                        configuration -> new PerNumberSequencing());
    }
}
