package io.switchboard.api.number;

/** Where a bulk import stands. */
public enum BulkImportStatus {
    RUNNING,
    COMPLETED,
    /** Stopped before its last row (the service went away); the same Idempotency-Key again resumes it. */
    INTERRUPTED
}
