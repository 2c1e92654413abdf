#!/usr/bin/env bash
# All test suites of Lebenslagen against one release build (`make test` builds first):
# native cargo tests, wasm tests in headless Chromium (when tests/web.rs exists), the size
# report (prints only), and the Playwright suite served by the gateway on port 18080.
#
# Every suite runs even when an earlier one failed, so one CI run shows every failure;
# the exit status is non-zero when any suite failed.
set -uo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[test]\033[0m %s\n' "$*"; }

failed=()
suite() {
  local name=$1
  shift
  say "── $name"
  local start=$SECONDS
  if "$@"; then
    say "── $name: ok ($((SECONDS - start)) s)"
  else
    say "── $name: FAILED ($((SECONDS - start)) s)"
    failed+=("$name")
  fi
}

suite "cargo test --workspace" cargo test --workspace --no-fail-fast
suite "cargo test (root package, feature ssr)" \
  cargo test --no-default-features --features ssr --lib --tests --no-fail-fast
if [ -f tests/web.rs ]; then
  suite "wasm tests (headless Chromium)" scripts/wasm-test.sh
fi
suite "size report" node scripts/size-report.mjs dist
suite "end-to-end (Playwright)" scripts/e2e.sh

if [ ${#failed[@]} -gt 0 ]; then
  say "FAILED: ${failed[*]}"
  exit 1
fi
say "all suites passed"
