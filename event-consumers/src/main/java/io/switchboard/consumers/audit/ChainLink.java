package io.switchboard.consumers.audit;

import io.switchboard.api.stream.ChainedEvent;

/**
 * One event as the chain verification reads it: what its hash covers, the hash it carries (null when it carries
 * none), its global position, and where it was read (a store row or a topic record), for the report.
 */
record ChainLink(ChainedEvent content, String hash, long globalPosition, String location) {
}
