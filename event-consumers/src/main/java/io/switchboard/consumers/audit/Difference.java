package io.switchboard.consumers.audit;

/** One way the topic's history of an aggregate differs from the event store's. */
record Difference(String subject, long sequence, String what) {

    @Override
    public String toString() {
        return subject + " sequence " + sequence + ": " + what;
    }
}
