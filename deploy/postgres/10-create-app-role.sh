#!/bin/sh
# PostgreSQL image init hook (docker-entrypoint-initdb.d): creates the limited role the apps use.
# Runs once, when the data volume is first initialised, as POSTGRES_USER (the schema owner, who
# also runs the migrations).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_role="$APP_DB_USER" -v app_password="$APP_DB_PASSWORD" -v owner="$POSTGRES_USER" \
  -f /docker-entrypoint-initdb.d/app-role.sql.inc
