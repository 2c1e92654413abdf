#!/usr/bin/env bash
# Release build of Lebenslagen: the pipeline contract.
#
#   1. cargo fetch --locked                       (Trunk and cargo then run offline)
#   2. trunk build --release                      -> dist/ (hydrate wasm, JS loader, CSS, assets)
#   3. prerender (native, feature ssr)            -> dist/pages/**.html
#   4. cargo build --profile native -p gateway    -> target/native/gateway
#
# Steps 2 and 3 are skipped when no input of the app changed since their last successful run
# (FORCE=1 rebuilds anyway); step 4 is left to cargo's own incremental check, which is cheap.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[build]\033[0m %s\n' "$*"; }

stamp=target/.stamps/dist
mkdir -p "$(dirname "$stamp")"

# Build-time settings of the app: every LEBENSLAGEN_* variable (e.g. LEBENSLAGEN_OPERATOR, the
# operator file read by build.rs). A change of value means a rebuild, as does a change of a file
# such a variable names.
build_env=$(env | grep '^LEBENSLAGEN_' | sort || true)
build_env="$build_env
DEBUG=${DEBUG:-0}"

# Has any input of the app (everything outside the directories pruned below, plus files named by
# the build settings) changed since the last successful build?
app_changed() {
  [ "${FORCE:-0}" = 1 ] && return 0
  [ -f "$stamp" ] && [ -f dist/pages/index.html ] || return 0
  [ "$(cat "$stamp")" = "$build_env" ] || return 0
  local newer value
  newer=$(find . \( -path ./.git -o -path ./target -o -path ./dist -o -path ./end2end \
                    -o -path ./gateway -o -path ./docs -o -path ./.ci -o -path ./scripts \
                    -o -name node_modules \) -prune \
                 -o -type f -newer "$stamp" -print -quit)
  [ -n "$newer" ] && return 0
  # The wasm-opt version lives in the tools lockfile, which the prune above keeps in.
  while IFS='=' read -r _ value; do
    [ -e "$value" ] && [ -n "$(find "$value" -newer "$stamp" -print -quit)" ] && return 0
  done <<<"$build_env"
  return 1
}

say "cargo fetch --locked"
cargo fetch --locked

if app_changed; then
  # Stamp the start time, so that a file edited while the build runs triggers the next build.
  # The new stamp's name is unique, so concurrent builds in one tree do not take each other's.
  rm -f "$stamp"
  new_stamp="$stamp.new.$$"
  printf '%s' "$build_env" >"$new_stamp"
  if [ "${DEBUG:-0}" = 1 ]; then
    # A debug wasm names the node where hydration went wrong; a release one only says
    # "unreachable". The stamp records the profile, so the next release build rebuilds.
    say "trunk build (debug, to diagnose hydration errors)"
    PATH="$PWD/tools/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true trunk build
  else
    say "trunk build --release"
    PATH="$PWD/tools/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true trunk build --release
  fi

  say "prerendering pages into dist/pages"
  cargo run --profile native --no-default-features --features ssr --bin prerender -- dist
  mv "$new_stamp" "$stamp"
else
  say "dist/ is up to date (FORCE=1 to rebuild)"
fi

say "cargo build --profile native -p gateway"
cargo build --profile native -p gateway
