#!/usr/bin/env bash
# What the browser tests need: Debian's chromium and axe-core (from npm) in node_modules/.
# Never a downloaded browser. Where chromium cannot be installed, say so LOUDLY; the browser
# tests then skip themselves with the same message.
set -uo pipefail
cd "$(dirname "$0")/.."

loud() {
  echo "!!" >&2
  echo "!! $*" >&2
  echo "!!" >&2
}

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing Debian's chromium (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null \
      || loud "apt-get could not install chromium: the browser tests will be SKIPPED."
  else
    loud "chromium is missing and this is not root: the browser and accessibility tests" \
      "will be SKIPPED. Install it with: sudo apt-get install chromium"
  fi
fi

if [ ! -f node_modules/axe-core/axe.min.js ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "== installing axe-core (npm)"
    if [ -f package-lock.json ]; then
      npm ci --no-audit --no-fund --silent
    else
      npm install --no-audit --no-fund --silent
    fi || loud "npm could not install axe-core: the accessibility checks will be SKIPPED."
  else
    loud "npm is missing: axe-core cannot be installed; the accessibility checks will be SKIPPED."
  fi
fi

[ -x /usr/bin/chromium ] && [ -f node_modules/axe-core/axe.min.js ]
