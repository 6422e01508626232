package io.switchboard.command.provider;

import java.time.Duration;

/** The provider could not answer (unreachable, server errors, rate limit) even after retrying. */
class ProviderUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    ProviderUnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
