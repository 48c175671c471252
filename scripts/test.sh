#!/usr/bin/env bash
# The whole test suite: type-check, lint, unit and integration tests
# (content lint and pattern examples included).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$REPO_ROOT"
ensure_dependencies

step() { printf '\n=== %s\n' "$*"; }

step "Type-check"
yarn tsc

step "Lint"
yarn lint:all

step "Unit and integration tests"
log="$(mktemp)"
set +e
CI=true yarn backstage-cli repo test --ci 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
summary="$(grep -E '^Tests:' "$log" | tail -n 1 || true)"
passed="$(sed -nE 's/.* ([0-9]+) passed.*/\1/p' <<<"$summary")"
failed="$(sed -nE 's/.* ([0-9]+) failed.*/\1/p' <<<"$summary")"
rm -f "$log"
[ "$status" -eq 0 ] || { echo "Unit tests failed"; echo "Summary: ${passed:-0} passed, ${failed:-1} failed"; exit "$status"; }
echo "Summary: ${passed:-0} passed, ${failed:-0} failed"
