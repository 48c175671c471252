#!/usr/bin/env bash
# The browser tests use Debian's Chromium; Playwright never downloads one.
set -euo pipefail
# apt-get's helpers live in sbin, which a non-login PATH may lack.
export PATH="$PATH:/usr/sbin:/sbin"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is missing at $CHROMIUM: install it (sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
