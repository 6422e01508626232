-- §6: least privilege. Migrations run as the schema's owner; the services connect as a member of the group role
-- switchboard_service, which may read and append the event history but never change or remove it. A trigger refuses
-- UPDATE, DELETE and TRUNCATE of an event to everyone, the owner included, as a second line.
-- Snapshots are a cache that Axon replaces (it deletes the older ones), so the service role may change them.
DO $$
BEGIN
    CREATE ROLE switchboard_service NOLOGIN;
EXCEPTION WHEN duplicate_object THEN
    NULL; -- created by the operator (docker-compose.yml) or by the other service's migrations
END
$$;

GRANT USAGE ON SCHEMA command TO switchboard_service;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA command TO switchboard_service;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA command TO switchboard_service;
ALTER DEFAULT PRIVILEGES IN SCHEMA command GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO switchboard_service;
ALTER DEFAULT PRIVILEGES IN SCHEMA command GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO switchboard_service;
REVOKE UPDATE, DELETE, TRUNCATE ON domain_event_entry FROM PUBLIC, switchboard_service;
REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM switchboard_service;

CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the event history is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER domain_event_entry_append_only BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER domain_event_entry_never_truncated BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
