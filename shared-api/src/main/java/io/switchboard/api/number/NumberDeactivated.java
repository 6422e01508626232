package io.switchboard.api.number;

import org.axonframework.serialization.Revision;

@Revision("1")
public record NumberDeactivated(String numberId, String orgId, String reason) implements PhoneNumberEvent {
}
