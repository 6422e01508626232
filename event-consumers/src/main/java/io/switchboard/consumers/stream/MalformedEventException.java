package io.switchboard.consumers.stream;

/** A record on the topic that is not a Switchboard CloudEvent, or lacks what a consumer needs of it. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
