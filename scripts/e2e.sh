#!/usr/bin/env bash
# The Playwright suite against the existing release build: dist/ served by target/native/gateway
# on 127.0.0.1:18080 (end2end/playwright.config.ts starts it). Extra arguments go to Playwright,
# e.g. `scripts/e2e.sh tests/keyboard.spec.ts` or `scripts/e2e.sh -g "language"`.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x target/native/gateway ] || [ ! -f dist/pages/index.html ]; then
  echo "no release build found (target/native/gateway, dist/pages/): run 'make build' first" >&2
  exit 1
fi
if [ ! -d end2end/node_modules/@playwright/test ]; then
  echo "end2end/node_modules is missing: run 'make setup-test' first" >&2
  exit 1
fi
if [ ! -d end2end/sandbox/node_modules/oidc-provider ]; then
  echo "end2end/sandbox/node_modules (the sandbox IdP) is missing: run 'make setup' first" >&2
  exit 1
fi

cd end2end
exec npx --no-install playwright test "$@"
