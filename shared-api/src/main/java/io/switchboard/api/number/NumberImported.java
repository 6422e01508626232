package io.switchboard.api.number;

import io.switchboard.api.common.NumberType;
import io.switchboard.api.common.Provider;
import org.axonframework.serialization.Revision;

/** R3-R5. Country and number type are derived from the number by libphonenumber. */
@Revision("1")
public record NumberImported(
        String numberId,
        String orgId,
        String e164,
        String country,
        NumberType numberType,
        Provider provider,
        String ownerUserId,
        String clientId,
        String credentialRef,
        NumberDetails details,
        String importedBy) implements PhoneNumberEvent {
}
