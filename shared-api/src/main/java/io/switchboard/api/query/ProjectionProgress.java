package io.switchboard.api.query;

/**
 * How far one projection of a rebuild has replayed: the event-store position its tracking token reached, whether
 * it is still replaying, and the error it is retrying after, if any.
 */
public record ProjectionProgress(String name, long position, boolean replaying, String error) {
}
