package io.switchboard.api.number;

import org.axonframework.serialization.Revision;

/** R7: only the members that changed are set; the others are null. */
@Revision("1")
public record NumberDetailsChanged(String numberId, String orgId, NumberDetails changed) implements PhoneNumberEvent {
}
