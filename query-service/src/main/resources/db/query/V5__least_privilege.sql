-- §6: least privilege. Migrations run as the schema's owner; the services connect as a member of the group role
-- switchboard_service, which keeps the read models (and reads the command service's event history, granted there).
DO $$
BEGIN
    CREATE ROLE switchboard_service NOLOGIN;
EXCEPTION WHEN duplicate_object THEN
    NULL; -- created by the operator (docker-compose.yml) or by the other service's migrations
END
$$;

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO switchboard_service;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA ${flyway:defaultSchema} TO switchboard_service;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${flyway:defaultSchema} TO switchboard_service;
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema}
    GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO switchboard_service;
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO switchboard_service;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM switchboard_service;
