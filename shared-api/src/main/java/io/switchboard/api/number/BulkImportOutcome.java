package io.switchboard.api.number;

/** What became of one row of a bulk import. */
public enum BulkImportOutcome {
    /** The number is now held by the caller's org ({@code NumberImported}). */
    IMPORTED,
    /** R4: an org already holds the number, or an earlier row of the same request imports it. */
    ALREADY_HELD,
    /** The row says nothing importable; {@code code}, {@code reason} and {@code field} say why. */
    INVALID
}
