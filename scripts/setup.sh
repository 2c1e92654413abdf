#!/usr/bin/env bash
# Installs what building (and, with --test, testing) Lebenslagen needs on a Debian machine that has
# only a Rust toolchain, make, Node 20, npm, Python 3 and apt. Idempotent and fast when everything
# is present: each tool is installed only when its version differs from the pinned one.
#
#   scripts/setup.sh          build tools: wasm32 target, Trunk, wasm-bindgen-cli, npm binaryen,
#                             and the sandbox's npm packages (oidc-provider)
#   scripts/setup.sh --test   the same plus Debian Chromium/chromedriver and end2end/ npm packages
#                             (Playwright + axe; Lighthouse for the benchmarks)
#
# Nothing here downloads a browser or a prebuilt binary: crates come from crates.io, npm packages
# from the npm registry, Chromium from Debian.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130  # must equal the wasm-bindgen version in Cargo.lock

with_test=false
for arg in "$@"; do
  case "$arg" in
    --test) with_test=true ;;
    *) echo "usage: $0 [--test]" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# `tool --version` prints "<name> <version>"; empty when the tool is missing.
installed_version() { "$1" --version 2>/dev/null | awk '{print $2; exit}' || true; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# --- Rust: wasm target, Trunk, wasm-bindgen-cli -------------------------------------------------
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(installed_version trunk)" != "$TRUNK_VERSION" ]; then
  # 0.22.x needs a newer rustc than ours; --locked keeps Trunk's own tested dependency set.
  say "installing trunk $TRUNK_VERSION (takes several minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(installed_version wasm-bindgen)" != "$WASM_BINDGEN_VERSION" ]; then
  # Without --locked: its lockfile pins a crate version the registry no longer serves.
  # Also installs wasm-bindgen-test-runner, used by `make wasm-test`.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes several minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# --- npm packages: reinstall only when node_modules is missing or older than the lockfile -------
npm_ci() {
  local dir=$1
  # `npm ci` writes node_modules/.package-lock.json, so its age tells when it last ran.
  if [ ! -f "$dir/node_modules/.package-lock.json" ] \
     || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "npm ci in $dir"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
}

npm_ci tools
# The sandbox services of `make run` and the tests (the Servicekonto IdP): oidc-provider.
npm_ci end2end/sandbox
wasm_opt_version=$(tools/node_modules/.bin/wasm-opt --version | awk '{print $3}')
if [ "$wasm_opt_version" != 132 ]; then
  echo "tools/node_modules/.bin/wasm-opt is version '$wasm_opt_version', expected 132" >&2
  exit 1
fi

if ! $with_test; then
  exit 0
fi

# --- test dependencies: Debian Chromium + chromedriver, Playwright and axe from npm -------------
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/wrk ] \
   || [ ! -x /usr/sbin/nginx ]; then
  say "installing Debian chromium, chromium-driver, and wrk + nginx (make bench)"
  as_root apt-get update
  # Fonts: a bare machine has none, and text without glyphs gives meaningless layout checks.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    chromium chromium-driver fonts-dejavu-core fonts-liberation wrk nginx
fi

npm_ci end2end
# Lighthouse for `make bench`, in its own package (pinned 12.2.3: 13.x needs Node 22).
npm_ci end2end/bench/lighthouse
