#!/usr/bin/env bash
# wasm-bindgen tests (tests/web.rs) in headless Debian Chromium through chromedriver.
# The runner and the browser binary are given by environment, so no .cargo/config.toml is needed.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f tests/web.rs ]; then
  echo "no wasm tests (tests/web.rs does not exist)"
  exit 0
fi

export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/scripts/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}
exec cargo test --target wasm32-unknown-unknown --no-default-features --features hydrate --test web "$@"
