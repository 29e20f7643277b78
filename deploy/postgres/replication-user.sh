#!/usr/bin/env bash
# Run once by the postgres image at the database's first start (docker-entrypoint-initdb.d): when
# HUB_DB_REPLICATION_PASSWORD is set, a role that may stream the WAL to a standby, and the line of pg_hba.conf that lets it.
set -euo pipefail
if [ -z "${HUB_DB_REPLICATION_PASSWORD:-}" ]; then
  exit 0
fi
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$HUB_DB_REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
