package io.switchboard.api.number;

import org.axonframework.serialization.Revision;

/** R9: the org gives the number up; it may be imported again, by any org. */
@Revision("1")
public record NumberReleased(String numberId, String orgId, String e164) implements PhoneNumberEvent {
}
