#!/usr/bin/env bash
# Runs once, when the PostgreSQL container initialises its data directory (docker-compose.yml mounts it into
# /docker-entrypoint-initdb.d). POSTGRES_USER owns the schemas and runs the migrations; the services log in as
# SWITCHBOARD_DB_SERVICE_USER, a member of the group role switchboard_service, which may read and append the event
# history but never change it (docs/security.md, "Least privilege in PostgreSQL").
set -euo pipefail
: "${SWITCHBOARD_DB_SERVICE_PASSWORD:?set SWITCHBOARD_DB_SERVICE_PASSWORD for the database login of the services}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v login="${SWITCHBOARD_DB_SERVICE_USER:-switchboard_app}" -v password="$SWITCHBOARD_DB_SERVICE_PASSWORD" <<'SQL'
SELECT 'CREATE ROLE switchboard_service NOLOGIN'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'switchboard_service') \gexec
CREATE ROLE :"login" LOGIN PASSWORD :'password' IN ROLE switchboard_service;
SQL
