-- R16: what number selection needs to know of each current assignment, kept in the event transaction:
-- its limit, the destination countries it allows ('*' for any) and the calls counted on its latest day.
ALTER TABLE registry_number
    ADD COLUMN daily_limit       INTEGER,
    ADD COLUMN allowed_countries VARCHAR(1024),
    ADD COLUMN calls_day         VARCHAR(10),
    ADD COLUMN calls_that_day    INTEGER NOT NULL DEFAULT 0;

-- the number itself, to tell a dialer which number was chosen for its call
ALTER TABLE registry_number ADD COLUMN e164 VARCHAR(16);
