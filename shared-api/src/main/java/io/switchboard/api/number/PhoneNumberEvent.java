package io.switchboard.api.number;

/** Everything that happens to a PhoneNumber. */
public sealed interface PhoneNumberEvent permits NumberImported, NumberDetailsChanged, NumberActivated,
        NumberDeactivated, NumberFailed, NumberTransferred, NumberReleased {

    String numberId();

    String orgId();
}
