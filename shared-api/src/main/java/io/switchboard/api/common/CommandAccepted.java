package io.switchboard.api.common;

/**
 * Reply to every accepted command: the aggregate it changed, the aggregate's new version (use it in
 * {@code If-Match}) and the event-store position reached (pass it as {@code X-Min-Position} to a query to read
 * your own write).
 */
public record CommandAccepted(String id, long version, long position) {
}
