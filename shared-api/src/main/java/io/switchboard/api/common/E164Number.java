package io.switchboard.api.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A telephone number that libphonenumber accepts as valid, in E.164 form (R3). Country and number type are
 * derived from the number, never typed in.
 */
public record E164Number(String value) {

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    public E164Number {
        if (value == null || !E164.matcher(value).matches()) {
            throw new IllegalArgumentException("not an E.164 number: " + value);
        }
    }

    /**
     * Normalizes a raw number as a person types it ("+44 20 7946 0958", "(202) 555-0123" with region US).
     *
     * @param defaultRegion ISO 3166 alpha-2 region for numbers written without a leading +, or null
     * @throws PhoneNumberRejectedException saying why libphonenumber does not accept it
     */
    public static E164Number parse(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            throw new PhoneNumberRejectedException(PhoneNumberRejection.NOT_A_NUMBER, raw);
        }
        String region = defaultRegion == null ? null : defaultRegion.trim().toUpperCase(Locale.ROOT);
        if (region != null && !PHONE_NUMBERS.getSupportedRegions().contains(region)) {
            throw new PhoneNumberRejectedException(PhoneNumberRejection.UNKNOWN_REGION, defaultRegion);
        }
        PhoneNumber parsed;
        try {
            parsed = PHONE_NUMBERS.parse(raw, region == null ? "ZZ" : region);
        } catch (NumberParseException e) {
            throw new PhoneNumberRejectedException(PhoneNumberRejection.of(e.getErrorType()), raw);
        }
        PhoneNumberUtil.ValidationResult possible = PHONE_NUMBERS.isPossibleNumberWithReason(parsed);
        if (possible != PhoneNumberUtil.ValidationResult.IS_POSSIBLE) {
            throw new PhoneNumberRejectedException(PhoneNumberRejection.of(possible), raw);
        }
        if (!PHONE_NUMBERS.isValidNumber(parsed)) {
            throw new PhoneNumberRejectedException(PhoneNumberRejection.INVALID_FOR_REGION, raw);
        }
        return new E164Number(PHONE_NUMBERS.format(parsed, PhoneNumberFormat.E164));
    }

    /** ISO 3166 alpha-2 country (region) the number belongs to. */
    public CountryCode country() {
        return new CountryCode(PHONE_NUMBERS.getRegionCodeForNumber(asPhoneNumber()));
    }

    public NumberType type() {
        return NumberType.valueOf(PHONE_NUMBERS.getNumberType(asPhoneNumber()).name());
    }

    /**
     * The PhoneNumber aggregate id: derived from the number itself, so that one number has one history across
     * every organization that ever held it (R4), and two racing imports meet on the same aggregate.
     */
    public String numberId() {
        return UUID.nameUUIDFromBytes(("switchboard:phone-number:" + value).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private PhoneNumber asPhoneNumber() {
        try {
            return PHONE_NUMBERS.parse(value, "ZZ");
        } catch (NumberParseException e) {
            throw new IllegalStateException("E.164 value no longer parses: " + value, e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
