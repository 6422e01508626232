package io.switchboard.api.common;

/** What a number can carry (R5). */
public enum Capability {
    VOICE, SMS, MMS, FAX
}
