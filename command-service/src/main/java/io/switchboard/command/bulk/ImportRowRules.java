package io.switchboard.command.bulk;

import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.common.PhoneNumberRejectedException;
import io.switchboard.api.common.PhoneNumberRejection;
import io.switchboard.api.common.PlainText;
import io.switchboard.api.common.Provider;
import io.switchboard.api.number.BulkImportOutcome;
import io.switchboard.api.number.BulkImportRowResult;
import io.switchboard.api.number.NumberDetails;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * R3-R5 for the rows of a bulk import, before anything is written: a number libphonenumber accepts, of the row's
 * country when the row names one; a provider Switchboard knows; each number once per request (a later row with the
 * same number is already held, by the earlier one). Whether an org holds a number already, and what its details may
 * be, the PhoneNumber aggregate decides when the row is imported.
 */
final class ImportRowRules {

    static final int MAX_NUMBER_LENGTH = 64;

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final String PROVIDERS = Arrays.stream(Provider.values())
            .map(provider -> provider.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));

    private ImportRowRules() {
    }

    static List<CheckedRow> check(List<SubmittedRow> rows) {
        // libphonenumber takes most of the time here, and each row is parsed on its own
        List<CheckedRow> parsed = IntStream.range(0, rows.size()).parallel()
                .mapToObj(index -> check(index, rows.get(index))).toList();
        List<CheckedRow> checked = new ArrayList<>(rows.size());
        Map<String, Integer> firstRowOf = new HashMap<>();
        for (CheckedRow row : parsed) {
            if (row instanceof ImportableRow importable) {
                Integer first = firstRowOf.putIfAbsent(importable.number().value(), importable.row());
                if (first != null) {
                    row = new SettledRow(row.index(), importable.alreadyHeld(
                            "R4: row " + first + " of this request imports " + importable.number() + " already"));
                }
            }
            checked.add(row);
        }
        return checked;
    }

    private static CheckedRow check(int index, SubmittedRow row) {
        String input = PlainText.shown(row.number() == null || row.number().length() <= MAX_NUMBER_LENGTH
                ? row.number() : row.number().substring(0, MAX_NUMBER_LENGTH));
        if (row.unreadable() != null) {
            SubmittedRow.Unreadable unreadable = row.unreadable();
            return invalid(index, row, input, unreadable.code(), unreadable.reason(), unreadable.field());
        }
        String unplain = unplainField(row);
        if (unplain != null) {
            return invalid(index, row, input, ErrorCode.VALIDATION_FAILED, unplain + " " + PlainText.RULE, unplain);
        }
        if (row.number() == null || row.number().isBlank()) {
            return invalid(index, row, input, ErrorCode.VALIDATION_FAILED, "a row names its number", "number");
        }
        if (row.number().length() > MAX_NUMBER_LENGTH) {
            return invalid(index, row, input, ErrorCode.VALIDATION_FAILED,
                    "a number has at most " + MAX_NUMBER_LENGTH + " characters", "number");
        }
        Provider provider = provider(row.provider());
        if (provider == null) {
            return invalid(index, row, input, ErrorCode.VALIDATION_FAILED, "the provider is one of " + PROVIDERS,
                    "provider");
        }
        String country = blankToNull(row.country());
        country = country == null ? null : country.toUpperCase(Locale.ROOT);
        if (country != null && !COUNTRY.matcher(country).matches()) {
            return invalid(index, row, input, ErrorCode.VALIDATION_FAILED,
                    "the country is an ISO 3166 alpha-2 code, e.g. US", "country");
        }
        E164Number number;
        try {
            number = E164Number.parse(row.number(), country);
        } catch (PhoneNumberRejectedException e) {
            return e.rejection() == PhoneNumberRejection.UNKNOWN_REGION
                    ? invalid(index, row, input, ErrorCode.VALIDATION_FAILED, "'" + country + "' "
                            + e.rejection().explanation(), "country")
                    : invalid(index, row, input, ErrorCode.INVALID_PHONE_NUMBER, e.getMessage() + " ("
                            + e.rejection().name() + ")", "number");
        }
        String derived = number.country().value();
        if (country != null && !country.equals(derived)) {
            return invalid(index, row, input, ErrorCode.VALIDATION_FAILED,
                    "R3: " + number + " is a number of " + derived + ", not of " + country, "country");
        }
        NumberDetails details = row.details() != null ? row.details()
                : new NumberDetails(blankToNull(row.label()), null, null, null, null, null);
        return new ImportableRow(index, row.row(), input, number, provider, details, row.credentialRef());
    }

    private static String unplainField(SubmittedRow row) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("number", row.number());
        fields.put("provider", row.provider());
        fields.put("country", row.country());
        fields.put("label", row.label());
        return fields.entrySet().stream()
                .filter(field -> field.getValue() != null && !PlainText.isPlain(field.getValue()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static Provider provider(String name) {
        String given = blankToNull(name);
        return given == null ? null : Arrays.stream(Provider.values())
                .filter(provider -> provider.name().equalsIgnoreCase(given.strip()))
                .findFirst().orElse(null);
    }

    private static SettledRow invalid(int index, SubmittedRow row, String input, ErrorCode code, String reason,
                                      String field) {
        return new SettledRow(index, new BulkImportRowResult(row.row(), input, BulkImportOutcome.INVALID, null, null,
                code, reason, field));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
