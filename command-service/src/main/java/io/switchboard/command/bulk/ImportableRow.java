package io.switchboard.command.bulk;

import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.common.Provider;
import io.switchboard.api.number.BulkImportOutcome;
import io.switchboard.api.number.BulkImportRowResult;
import io.switchboard.api.number.NumberDetails;

/** A row that passed the checks: what its {@code ImportNumber} needs, and the results it can come to. */
record ImportableRow(int index, int row, String input, E164Number number, Provider provider, NumberDetails details,
                     String credentialRef) implements CheckedRow {

    BulkImportRowResult imported() {
        return new BulkImportRowResult(row, input, BulkImportOutcome.IMPORTED, number.numberId(), number.value(), null,
                null, null);
    }

    BulkImportRowResult alreadyHeld(String reason) {
        return new BulkImportRowResult(row, input, BulkImportOutcome.ALREADY_HELD, null, number.value(),
                ErrorCode.NUMBER_ALREADY_HELD, reason, null);
    }

    BulkImportRowResult invalid(ErrorCode code, String reason, String field) {
        return new BulkImportRowResult(row, input, BulkImportOutcome.INVALID, null, number.value(), code, reason,
                field);
    }
}
