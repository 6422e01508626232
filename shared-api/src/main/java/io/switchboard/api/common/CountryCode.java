package io.switchboard.api.common;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country code, upper case. */
public record CountryCode(String value) {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    public CountryCode {
        if (value == null || !ISO_COUNTRIES.contains(value)) {
            throw new IllegalArgumentException("not an ISO 3166 alpha-2 country code: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && ISO_COUNTRIES.contains(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
