package io.switchboard.api.assignment;

import io.switchboard.api.common.CountryCode;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** R10: destination countries an assignment may call; {@value #ANY} allows every country. */
public record AllowedCountries(Set<String> codes) {

    public static final String ANY = "*";

    public AllowedCountries {
        codes = Set.copyOf(codes);
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("allowed countries must name at least one country, or " + ANY);
        }
        for (String code : codes) {
            if (!ANY.equals(code) && !CountryCode.isValid(code)) {
                throw new IllegalArgumentException("not an ISO 3166 alpha-2 country code: " + code);
            }
        }
        if (codes.contains(ANY) && codes.size() > 1) {
            codes = Set.of(ANY);
        }
    }

    /** Upper-cases and validates what a client sent. */
    public static AllowedCountries of(Collection<String> requested) {
        Set<String> normalized = new TreeSet<>();
        for (String code : requested) {
            normalized.add(code == null ? "" : code.trim().toUpperCase(Locale.ROOT));
        }
        return new AllowedCountries(normalized);
    }

    public boolean allows(String country) {
        return codes.contains(ANY) || codes.contains(country);
    }
}
