-- usage-view: one row per assignment and org-local day (R17) on which a call was counted or refused (R15).
-- Each row is guarded by the sequence number of the Assignment aggregate's last event applied to it: an
-- assignment's events arrive in sequence order, so a redelivered run of them finds every row it touched at
-- that sequence or later, and changes nothing.
CREATE TABLE usage_view (
    assignment_id TEXT        NOT NULL,
    day           DATE        NOT NULL,
    org_id        TEXT        NOT NULL,
    number_id     TEXT        NOT NULL,
    agent_id      TEXT        NOT NULL,
    -- the aggregate's own count for the day after its last counted call, not a sum this projection keeps
    calls_counted INTEGER     NOT NULL,
    -- refusals by reason, e.g. {"DAILY_LIMIT_REACHED": 2}; a reason never refused is absent
    refused       JSONB       NOT NULL,
    -- the limit in force at the day's last counted call; null until a call is counted
    daily_limit   INTEGER,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL,
    PRIMARY KEY (assignment_id, day)
);

CREATE INDEX usage_view_org_day ON usage_view (org_id, day);

-- org-policy-view: the time zone of each org that has set a policy; any other org's days are UTC days (R17).
CREATE TABLE org_policy_view (
    org_id    TEXT   NOT NULL PRIMARY KEY,
    time_zone TEXT   NOT NULL,
    version   BIGINT NOT NULL
);

-- What tenants query: usage with the number, its owner now (null once another org holds it or it is
-- released), the agent's name and the assignment's current limit, joined as of the query.
CREATE VIEW number_usage AS
SELECT u.assignment_id, u.day, u.org_id, u.number_id, u.agent_id, u.calls_counted, u.refused,
       u.daily_limit AS counted_limit, u.updated_at,
       n.e164,
       CASE WHEN n.held AND n.org_id = u.org_id THEN n.owner_user_id END AS owner_user_id,
       g.name AS agent_name,
       a.daily_limit AS assignment_limit, a.ended_at IS NULL AS assignment_current
FROM usage_view u
LEFT JOIN number_view n ON n.number_id = u.number_id
LEFT JOIN assignment_view a ON a.assignment_id = u.assignment_id
LEFT JOIN agent_view g ON g.agent_id = u.agent_id;
