#!/usr/bin/env bash
# The whole test suite:
#   1. type-check and lint;
#   2. unit and integration tests (content lint, pattern examples, backend,
#      catalog and search modules, frontend), with the catalog-integration
#      tests run against the embedded SQLite and against a throwaway
#      PostgreSQL on loopback;
#   3. the end-to-end suite in Debian's Chromium against the running portal.
# PostgreSQL and Chromium are installed from Debian's packages when missing
# (as root); otherwise the script says what to install.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$REPO_ROOT"

step() { printf '\n=== %s\n' "$*"; }
count() { sed -nE "s/.*[^0-9]([0-9]+) $1.*/\1/p" <<<"$2" | tail -n 1; }

unit_passed=0 unit_failed=0 e2e_passed=0 e2e_failed=0
summary() {
  echo
  echo "Unit and integration: ${unit_passed} passed, ${unit_failed} failed"
  echo "Browser (end-to-end): ${e2e_passed} passed, ${e2e_failed} failed"
  echo "Summary: $((unit_passed + e2e_passed)) passed, $((unit_failed + e2e_failed)) failed"
}

ensure_dependencies

step "Type-check"
yarn tsc

step "Lint"
yarn lint:all

step "PostgreSQL for the catalog-integration tests"
postgres_env="$(bash scripts/start-test-postgres.sh)" # exits here if it fails
eval "$postgres_env"
trap 'bash scripts/stop-test-postgres.sh || true' EXIT
: "${PATTERNS_TEST_POSTGRES_URL:?PostgreSQL did not start}"

step "Unit and integration tests (SQLite and PostgreSQL)"
log="$(mktemp)"
set +e
CI=true yarn backstage-cli repo test --ci 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
line="$(grep -E '^Tests:' "$log" | tail -n 1 || true)"
unit_passed="$(count passed "$line")"; unit_passed="${unit_passed:-0}"
unit_failed="$(count failed "$line")"; unit_failed="${unit_failed:-0}"
rm -f "$log"
if [ "$status" -ne 0 ]; then
  [ "$unit_failed" -gt 0 ] || unit_failed=1
  summary
  exit "$status"
fi

step "Browser tests (Chromium)"
bash scripts/ensure-chromium.sh
log="$(mktemp)"
set +e
CI=true yarn test:e2e 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
e2e_passed="$(grep -E '^ +[0-9]+ passed' "$log" | tail -n 1 | grep -oE '[0-9]+' | head -n 1 || true)"
e2e_failed="$(grep -E '^ +[0-9]+ failed' "$log" | tail -n 1 | grep -oE '[0-9]+' | head -n 1 || true)"
e2e_passed="${e2e_passed:-0}" e2e_failed="${e2e_failed:-0}"
rm -f "$log"
if [ "$status" -ne 0 ]; then
  [ "$e2e_failed" -gt 0 ] || e2e_failed=1
fi
summary
exit "$status"
