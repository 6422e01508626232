package io.switchboard.api.platformsync;

/**
 * What retrying a number's parked events did: {@code delivered} when every one of them reached the platform;
 * otherwise the first that failed again stays parked with its new cause, and {@code stillParked} counts what is left.
 */
public record SyncRetryOutcome(String numberId, boolean delivered, long stillParked) {
}
