package io.switchboard.consumers.stream;

/** Where a record sits on the topic. */
public record RecordPosition(int partition, long offset) {

    @Override
    public String toString() {
        return "partition " + partition + ", offset " + offset;
    }
}
