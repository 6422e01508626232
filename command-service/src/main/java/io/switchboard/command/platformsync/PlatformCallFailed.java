package io.switchboard.command.platformsync;

/**
 * A call to the voice platform that did not succeed. {@code retryable} when it may succeed later without anyone
 * changing anything (the platform unreachable, overloaded or failing); a refusal of the request itself is not.
 */
final class PlatformCallFailed extends RuntimeException {

    private final boolean retryable;

    private PlatformCallFailed(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    static PlatformCallFailed answered(String request, int status, String excerpt) {
        boolean retryable = status == 408 || status == 429 || status >= 500;
        return new PlatformCallFailed("the platform answered " + status + " to " + request
                + (excerpt.isEmpty() ? "" : ": " + excerpt), retryable, null);
    }

    static PlatformCallFailed unreachable(String request, Exception cause) {
        return new PlatformCallFailed("the platform did not answer " + request + " (" + cause.getClass().getSimpleName()
                + ")", true, cause);
    }

    static PlatformCallFailed permanent(String reason) {
        return new PlatformCallFailed(reason, false, null);
    }

    boolean retryable() {
        return retryable;
    }
}
