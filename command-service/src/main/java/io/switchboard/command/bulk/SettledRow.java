package io.switchboard.command.bulk;

import io.switchboard.api.number.BulkImportRowResult;

/** A row whose result is known without importing it. */
record SettledRow(int index, BulkImportRowResult result) implements CheckedRow {
}
