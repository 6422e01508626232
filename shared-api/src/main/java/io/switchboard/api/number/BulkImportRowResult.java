package io.switchboard.api.number;

import io.switchboard.api.common.ErrorCode;

/**
 * The result of one row: {@code row} is its line in a CSV file (the header is line 1) or its place in a JSON array
 * (from 1); {@code number} is the number as the row gave it, {@code e164} as libphonenumber normalized it (R3);
 * {@code id} is the number's id when it was imported; {@code code}, {@code reason} and {@code field} say why it was
 * not.
 */
public record BulkImportRowResult(
        int row,
        String number,
        BulkImportOutcome outcome,
        String id,
        String e164,
        ErrorCode code,
        String reason,
        String field) {
}
