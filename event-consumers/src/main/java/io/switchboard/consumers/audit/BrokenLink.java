package io.switchboard.consumers.audit;

import io.switchboard.consumers.stream.RecordPosition;

/** Where an aggregate's sequence first breaks on the topic: a gap, a reordering, or a second event at a place. */
record BrokenLink(String subject, long expectedSequence, long gotSequence, String eventId, RecordPosition position) {

    @Override
    public String toString() {
        return subject + ": expected sequence " + expectedSequence + ", got " + gotSequence + " (event " + eventId
                + ", " + position + ")";
    }
}
