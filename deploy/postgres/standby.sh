#!/usr/bin/env bash
# The standby's entrypoint (docker-compose's "ha" profile): on first start, a base backup of the primary with -R (it
# then starts as a hot standby streaming from the primary); on every start, the postgres image's own entrypoint.
# Promotion is a decision, not automatic here: `pg_ctl promote` (or a failover manager such as Patroni) — docs/scaling.md.
set -euo pipefail
export PGDATA=/var/lib/postgresql/data
if [ -z "${HUB_DB_REPLICATION_PASSWORD:-}" ]; then
  echo "standby: set HUB_DB_REPLICATION_PASSWORD (the primary's replicator role, deploy/postgres/replication-user.sh)" >&2
  exit 2
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA" && chown postgres:postgres "$PGDATA" && chmod 700 "$PGDATA"
  until PGPASSWORD="$HUB_DB_REPLICATION_PASSWORD" gosu postgres pg_basebackup -h "$PRIMARY_HOST" -U replicator -D "$PGDATA" -R -X stream; do
    echo "standby: waiting for the primary at $PRIMARY_HOST" >&2
    sleep 2
  done
fi
exec docker-entrypoint.sh postgres
