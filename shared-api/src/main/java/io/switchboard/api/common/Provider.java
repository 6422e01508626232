package io.switchboard.api.common;

/** Where a number is rented from (R5). */
public enum Provider {
    TWILIO, TELNYX, VONAGE, BANDWIDTH, PLIVO, SIP, OTHER
}
