#!/bin/sh
# PostgreSQL's image runs this on its first start: the services' roles and schemas
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v command_password="$CRISIS_COMMAND_DATABASE_PASSWORD" -v query_password="$CRISIS_QUERY_DATABASE_PASSWORD" \
  -f /crisis/roles.sql
