-- Bulk imports (POST /api/v1/phone-numbers/bulk). The results of a chunk of rows are written in the transaction
-- that stores the chunk's events, so they say exactly what was written: a retry with the same Idempotency-Key
-- replays them, and resumes an interrupted import at the rows that have none yet.
CREATE TABLE bulk_import (
    import_id    VARCHAR(36)  PRIMARY KEY,
    org_id       VARCHAR(128) NOT NULL,
    user_id      VARCHAR(128) NOT NULL,
    total_rows   INTEGER      NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    -- the event-store position the import's events reached, once it is completed
    position     BIGINT,
    created_at   TIMESTAMPTZ  NOT NULL,
    -- renewed after every chunk; a RUNNING import whose heartbeat stopped was interrupted
    heartbeat_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE bulk_import_row (
    import_id  VARCHAR(36) NOT NULL REFERENCES bulk_import (import_id),
    -- the row's place in the request, from 0; row_number is how the client counts it (line of a CSV file)
    row_index  INTEGER     NOT NULL,
    row_number INTEGER     NOT NULL,
    number     TEXT,
    outcome    VARCHAR(16) NOT NULL,
    number_id  VARCHAR(64),
    e164       VARCHAR(16),
    code       VARCHAR(64),
    reason     TEXT,
    field      TEXT,
    PRIMARY KEY (import_id, row_index)
);
