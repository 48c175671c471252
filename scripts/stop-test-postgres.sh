#!/usr/bin/env bash
# Stops the PostgreSQL that scripts/start-test-postgres.sh started (same
# PATTERNS_TEST_POSTGRES_PORT) and deletes its cluster.
set -euo pipefail
# runuser lives in sbin, which a non-login PATH may lack.
export PATH="$PATH:/usr/sbin:/sbin"

PORT="${PATTERNS_TEST_POSTGRES_PORT:-5433}"
DATA="${TMPDIR:-/tmp}/patterns-test-postgres-$PORT"

if [ ! -d "$DATA" ]; then
  echo "No test PostgreSQL cluster in $DATA." >&2
  exit 0
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
if [ "$(id -u)" -eq 0 ]; then
  (cd / && runuser -u postgres -- "$BIN/pg_ctl" -D "$DATA" -m fast -w stop) >&2 || true
else
  "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
fi
rm -rf "$DATA"
echo "Stopped the test PostgreSQL on port $PORT and removed $DATA." >&2
