package io.switchboard.consumers.stream;

/** A record as read from the topic, not yet known to be a CloudEvent. */
public record ReceivedRecord(RecordPosition position, byte[] value) {

    /** @throws MalformedEventException when the value is not a Switchboard CloudEvent */
    public ReceivedEvent parse() {
        return new ReceivedEvent(position, CloudEvent.parse(value));
    }
}
