#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the integration tests: a fresh cluster on
# 127.0.0.1 (port 5433, or PATTERNS_TEST_POSTGRES_PORT) with trust auth.
# Prints only the export line on stdout, so a caller can
#
#   eval "$(scripts/start-test-postgres.sh)"
#
# and everything else on stderr. scripts/stop-test-postgres.sh removes it.
set -euo pipefail
# runuser lives in sbin, which a non-login PATH may lack.
export PATH="$PATH:/usr/sbin:/sbin"
exec 3>&1 1>&2

PORT="${PATTERNS_TEST_POSTGRES_PORT:-5433}"
DATA="${TMPDIR:-/tmp}/patterns-test-postgres-$PORT"

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if [ -z "$(postgres_bin)" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's postgresql ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "PostgreSQL is missing: install it (sudo apt-get install postgresql)." >&2
    exit 1
  fi
fi
BIN="$(postgres_bin)"

# The server refuses to run as root; root runs it as the postgres user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

if [ -d "$DATA" ]; then
  echo "Removing the previous test cluster in $DATA ..."
  as_owner "$BIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DATA"
fi

mkdir -m 700 "$DATA"
[ "$(id -u)" -eq 0 ] && chown postgres: "$DATA"
as_owner "$BIN/initdb" -D "$DATA" -A trust -U postgres -E UTF8 --no-locale \
  --no-sync >/dev/null
# Throwaway data: durability off, for speed. The server must not inherit
# fd 3, or a caller's "$(...)" would wait for it to exit.
as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w start \
  -o "-h 127.0.0.1 -p $PORT -k $DATA -c fsync=off -c synchronous_commit=off" \
  >/dev/null 3>&-

for _ in $(seq 1 30); do
  if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') is up on 127.0.0.1:$PORT (data in $DATA)."
    echo "export PATTERNS_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:$PORT/postgres" >&3
    exit 0
  fi
  sleep 1
done
echo "PostgreSQL did not become ready; see $DATA/server.log" >&2
exit 1
