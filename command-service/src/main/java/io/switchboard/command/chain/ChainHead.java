package io.switchboard.command.chain;

/** The last link of an aggregate's chain: its newest event's sequence and hash. */
record ChainHead(String aggregateId, long sequence, String hash) {
}
