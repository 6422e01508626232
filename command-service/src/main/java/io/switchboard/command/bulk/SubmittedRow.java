package io.switchboard.command.bulk;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.common.Provider;
import io.switchboard.api.number.NumberDetails;

/**
 * One row as the request gave it, before any check: {@code row} as the client counts it (the line of a CSV file, the
 * place in a JSON array from 1). {@code unreadable} says why a row could not even be read into its fields. A row
 * read from a provider's account also brings the number's details and the account's id ({@code credentialRef}).
 */
public record SubmittedRow(int row, String number, String provider, String country, String label,
                           NumberDetails details, String credentialRef, Unreadable unreadable) {

    record Unreadable(ErrorCode code, String reason, String field) {
    }

    static SubmittedRow of(int row, String number, String provider, String country, String label) {
        return new SubmittedRow(row, number, provider, country, label, null, null, null);
    }

    static SubmittedRow unreadable(int row, String number, ErrorCode code, String reason, String field) {
        return new SubmittedRow(row, number, null, null, null, null, null, new Unreadable(code, reason, field));
    }

    /** A number as a provider account lists it: its details, and the account it is imported with. */
    public static SubmittedRow listed(int row, String number, Provider provider, NumberDetails details,
                                      String credentialRef) {
        return new SubmittedRow(row, number, provider.name(), null, details.label(), details, credentialRef, null);
    }
}
