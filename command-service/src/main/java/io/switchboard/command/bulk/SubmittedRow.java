package io.switchboard.command.bulk;

import io.switchboard.api.common.ErrorCode;

/**
 * One row as the request gave it, before any check: {@code row} as the client counts it (the line of a CSV file, the
 * place in a JSON array from 1). {@code unreadable} says why a row could not even be read into its fields.
 */
record SubmittedRow(int row, String number, String provider, String country, String label, Unreadable unreadable) {

    record Unreadable(ErrorCode code, String reason, String field) {
    }

    static SubmittedRow of(int row, String number, String provider, String country, String label) {
        return new SubmittedRow(row, number, provider, country, label, null);
    }

    static SubmittedRow unreadable(int row, String number, ErrorCode code, String reason, String field) {
        return new SubmittedRow(row, number, null, null, null, new Unreadable(code, reason, field));
    }
}
