package io.switchboard.consumers.stream;

/** An event and where it was read. */
public record ReceivedEvent(RecordPosition position, CloudEvent event) {
}
