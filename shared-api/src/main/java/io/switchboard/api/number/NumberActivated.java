package io.switchboard.api.number;

import org.axonframework.serialization.Revision;

@Revision("1")
public record NumberActivated(String numberId, String orgId) implements PhoneNumberEvent {
}
