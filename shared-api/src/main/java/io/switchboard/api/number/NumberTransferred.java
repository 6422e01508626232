package io.switchboard.api.number;

import org.axonframework.serialization.Revision;

@Revision("1")
public record NumberTransferred(String numberId, String orgId, String previousOwnerUserId, String newOwnerUserId)
        implements PhoneNumberEvent {
}
