#!/usr/bin/env bash
# Brings up the portal with the patterns plugins and the example catalog on
# the embedded database (in-memory SQLite): app on http://localhost:3000,
# backend on http://localhost:7007.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$REPO_ROOT"
ensure_dependencies
echo "Starting the portal: open http://localhost:3000/patterns once the app has compiled."
yarn start "$@"
