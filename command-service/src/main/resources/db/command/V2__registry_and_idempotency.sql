-- The command side's own view of who holds what, updated in the same transaction as the events (a subscribing
-- processor). Cross-aggregate rules (R2, R8, R9, R11, R12) read it under row locks, so they hold under
-- concurrency and across instances.

CREATE TABLE registry_number (
    number_id     VARCHAR(64) PRIMARY KEY,
    org_id        VARCHAR(128) NOT NULL,
    owner_user_id VARCHAR(128) NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    country       VARCHAR(2)   NOT NULL,
    held          BOOLEAN      NOT NULL,
    assignment_id VARCHAR(64),
    agent_id      VARCHAR(64)
);
CREATE INDEX registry_number_agent ON registry_number (agent_id) WHERE agent_id IS NOT NULL;

CREATE TABLE registry_agent (
    agent_id      VARCHAR(64) PRIMARY KEY,
    org_id        VARCHAR(128) NOT NULL,
    owner_user_id VARCHAR(128) NOT NULL,
    retired       BOOLEAN      NOT NULL
);

CREATE TABLE registry_org_policy (
    org_id                 VARCHAR(128) PRIMARY KEY,
    max_numbers_per_agent  INTEGER,
    time_zone              VARCHAR(64) NOT NULL
);

-- Outcomes of requests sent with an Idempotency-Key, stored with the events they produced.
CREATE TABLE idempotency_record (
    org_id            VARCHAR(128) NOT NULL,
    idempotency_key   VARCHAR(255) NOT NULL,
    request_hash      VARCHAR(64)  NOT NULL,
    aggregate_id      VARCHAR(64)  NOT NULL,
    aggregate_version BIGINT,
    created_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (org_id, idempotency_key)
);
