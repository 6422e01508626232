package io.switchboard.api.common;

/** A raw number that is not a valid phone number, with the reason (R3). */
public class PhoneNumberRejectedException extends IllegalArgumentException {

    private final PhoneNumberRejection rejection;

    public PhoneNumberRejectedException(PhoneNumberRejection rejection, String raw) {
        super("'" + abbreviate(raw) + "' " + rejection.explanation());
        this.rejection = rejection;
    }

    public PhoneNumberRejection rejection() {
        return rejection;
    }

    private static String abbreviate(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.length() <= 32 ? raw : raw.substring(0, 32) + "...";
    }
}
