#!/usr/bin/env bash
# Installs, builds and (with "test") checks the Mini App with the machine's node and npm; Maven's kiosk-ui module runs
# it in its test phase (so `./warddesk test` does it from a fresh clone) and `./warddesk miniapp build` runs it too.
#   scripts/build.sh          npm ci (only when package-lock.json changed) + both builds (only when a source changed)
#   scripts/build.sh test     the same, then the component tests (Vitest) and the bundle check (size, no stand-in)
# Environment: VITE_WARDDESK_API = the WardDesk API origin baked into the Zalo build (e.g. https://ward.example.vn).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
  || { echo "miniapp: node and npm are needed (Debian: apt-get install nodejs npm; Node 20 or newer)" >&2; exit 1; }

stamp=node_modules/.warddesk-package-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "miniapp: npm ci"
  npm ci --no-audit --no-fund --prefer-offline --loglevel=error
  cp package-lock.json "$stamp"
fi

# The API origin is part of the Zalo build: rebuild when it changes, as when a source changes.
api_stamp=www/.warddesk-api
if [ ! -f www/index.html ] || [ ! -f www-browser/index.html ] || [ "$(cat "$api_stamp" 2>/dev/null)" != "${VITE_WARDDESK_API:-}" ] \
   || [ -n "$(find src index.html vite.config.js app-config.json package-lock.json ../src/main/web/kiosk/icons.js -newer www/index.html -type f -print -quit)" ]; then
  echo "miniapp: vite build (www/ for Zalo, www-browser/ with the browser stand-in)"
  npx vite build --logLevel warn
  printf '%s' "${VITE_WARDDESK_API:-}" > "$api_stamp"
  npx vite build --mode browser --logLevel warn
fi

if [ "${1:-}" = test ]; then
  npx vitest run
  node scripts/check-bundle.mjs
else
  node scripts/check-bundle.mjs
fi
