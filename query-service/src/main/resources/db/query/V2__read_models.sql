-- Read models of the query service. Each table belongs to exactly one processing group, whose reset handler
-- empties it before a replay rebuilds it. Rows are guarded by the sequence number of the aggregate that last
-- changed them, so an event delivered twice changes nothing.

-- number-view: one row per phone number ever imported. A released number stays (held = false) until the next
-- NumberImported of the same number, by any org, overwrites it.
CREATE TABLE number_view (
    number_id     TEXT        NOT NULL PRIMARY KEY,
    org_id        TEXT        NOT NULL,
    owner_user_id TEXT        NOT NULL,
    client_id     TEXT,
    e164          TEXT        NOT NULL,
    country       TEXT,
    number_type   TEXT,
    provider      TEXT,
    label         TEXT,
    capabilities  JSONB       NOT NULL,
    metadata      JSONB       NOT NULL,
    provider_refs JSONB       NOT NULL,
    platform_refs JSONB       NOT NULL,
    webhook_url   TEXT,
    status        TEXT        NOT NULL,
    status_reason TEXT,
    imported_at   TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    held          BOOLEAN     NOT NULL,
    -- sequence number of the PhoneNumber aggregate's last event applied: the version clients send in If-Match
    version       BIGINT      NOT NULL
);

CREATE INDEX number_view_org_e164 ON number_view (org_id, e164, number_id) WHERE held;
CREATE INDEX number_view_owner_e164 ON number_view (org_id, owner_user_id, e164, number_id) WHERE held;
CREATE INDEX number_view_org_imported ON number_view (org_id, imported_at, number_id) WHERE held;

-- number-view: every assignment, current (ended_at null) and ended. Each Assignment aggregate guards its own
-- row, so assignments of one number never overwrite each other whatever order their events arrive in.
CREATE TABLE assignment_view (
    assignment_id     TEXT        NOT NULL PRIMARY KEY,
    number_id         TEXT        NOT NULL,
    agent_id          TEXT        NOT NULL,
    daily_limit       INTEGER     NOT NULL,
    allowed_countries JSONB       NOT NULL,
    assigned_at       TIMESTAMPTZ NOT NULL,
    ended_at          TIMESTAMPTZ,
    version           BIGINT      NOT NULL
);

CREATE INDEX assignment_view_current_number ON assignment_view (number_id) WHERE ended_at IS NULL;
CREATE INDEX assignment_view_current_agent ON assignment_view (agent_id) WHERE ended_at IS NULL;

-- agent-view: one row per agent, retired ones included.
CREATE TABLE agent_view (
    agent_id      TEXT        NOT NULL PRIMARY KEY,
    org_id        TEXT        NOT NULL,
    owner_user_id TEXT        NOT NULL,
    client_id     TEXT,
    name          TEXT        NOT NULL,
    retired       BOOLEAN     NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL
);

CREATE INDEX agent_view_org_name ON agent_view (org_id, name, agent_id);

-- What tenants query: the numbers held now, with their current assignment and its agent.
CREATE VIEW held_number AS
SELECT n.number_id, n.org_id, n.owner_user_id, n.client_id, n.e164, n.country, n.number_type, n.provider, n.label,
       n.capabilities, n.metadata, n.provider_refs, n.platform_refs, n.webhook_url, n.status, n.status_reason,
       n.imported_at, n.updated_at, n.version,
       a.assignment_id, a.agent_id, a.daily_limit, a.allowed_countries, a.version AS assignment_version,
       g.name AS agent_name
FROM number_view n
LEFT JOIN assignment_view a ON a.number_id = n.number_id AND a.ended_at IS NULL
LEFT JOIN agent_view g ON g.agent_id = a.agent_id
WHERE n.held;
