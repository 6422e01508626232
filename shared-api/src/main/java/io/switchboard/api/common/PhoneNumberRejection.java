package io.switchboard.api.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/** Why libphonenumber does not accept a raw number (R3). */
public enum PhoneNumberRejection {
    NOT_A_NUMBER("is not a phone number"),
    INVALID_COUNTRY_CODE("has no valid country calling code (start with + or give a default region)"),
    UNKNOWN_REGION("names a default region that is not an ISO 3166 alpha-2 region libphonenumber knows"),
    TOO_SHORT("is too short"),
    TOO_LONG("is too long"),
    INVALID_LENGTH("has a length that no number of its country has"),
    INVALID_FOR_REGION("is not a valid number for its region");

    private final String explanation;

    PhoneNumberRejection(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }

    static PhoneNumberRejection of(NumberParseException.ErrorType type) {
        return switch (type) {
            case INVALID_COUNTRY_CODE -> INVALID_COUNTRY_CODE;
            case NOT_A_NUMBER -> NOT_A_NUMBER;
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> TOO_SHORT;
            case TOO_LONG -> TOO_LONG;
        };
    }

    static PhoneNumberRejection of(PhoneNumberUtil.ValidationResult result) {
        return switch (result) {
            case INVALID_COUNTRY_CODE -> INVALID_COUNTRY_CODE;
            case TOO_SHORT -> TOO_SHORT;
            case TOO_LONG -> TOO_LONG;
            case IS_POSSIBLE, IS_POSSIBLE_LOCAL_ONLY, INVALID_LENGTH -> INVALID_LENGTH;
        };
    }
}
