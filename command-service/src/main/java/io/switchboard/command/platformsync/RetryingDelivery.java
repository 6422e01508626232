package io.switchboard.command.platformsync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Tries a call to the voice platform until it succeeds, it fails in a way that trying again cannot help, or the
 * attempts run out, waiting longer after each failure (exponential backoff). Every failure is logged with the
 * number's id and counted; the last one is thrown, for the processor to park the event.
 */
final class RetryingDelivery {

    private static final Logger log = LoggerFactory.getLogger(RetryingDelivery.class);

    private final PlatformSyncProperties.Retry retry;
    private final PlatformSyncMetrics metrics;

    RetryingDelivery(PlatformSyncProperties.Retry retry, PlatformSyncMetrics metrics) {
        this.retry = retry;
        this.metrics = metrics;
    }

    void deliver(String numberId, String operation, Runnable call) {
        for (int attempt = 1; ; attempt++) {
            try {
                call.run();
                metrics.count(operation, "delivered");
                return;
            } catch (PlatformCallFailed failure) {
                boolean again = failure.retryable() && attempt < retry.attempts();
                log.warn("platform sync: {} of number {} failed (attempt {} of {}), {}: {}", operation, numberId,
                        attempt, retry.attempts(), again ? "trying again" : "parked", failure.getMessage());
                if (!again) {
                    metrics.count(operation, "failed");
                    throw failure;
                }
                metrics.count(operation, "retried");
                pause(retry.backoffAfter(attempt));
            }
        }
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformCallFailed.permanent("interrupted while waiting to try again");
        }
    }
}
