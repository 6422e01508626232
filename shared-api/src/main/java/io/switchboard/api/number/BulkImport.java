package io.switchboard.api.number;

import java.util.List;

/**
 * A bulk import of numbers: {@code done} of {@code total} rows handled so far, how they came out, and once it is
 * completed a result per row, in the request's order. {@code position} is the event-store position its events
 * reached: pass it as {@code X-Min-Position} to a query to read the imported numbers.
 */
public record BulkImport(
        String id,
        BulkImportStatus status,
        int total,
        int done,
        int imported,
        int alreadyHeld,
        int invalid,
        long position,
        List<BulkImportRowResult> results) {
}
