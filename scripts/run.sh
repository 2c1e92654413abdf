#!/usr/bin/env bash
# Runs Lebenslagen locally in the foreground: the gateway serving the release build, plus the
# sandbox services as they are added. Ctrl-C (or TERM) stops all of them; so does any one of them
# exiting. Expects `scripts/build.sh` to have run (`make run` does both).
#
#   PORT   gateway port (default 8080). Sandbox services take the fixed ports of ARCHITECTURE.md
#          (IdP 8081, payment 8082, FIT-Connect 8083).
#   LEBENSLAGEN_AUTH_ISSUER   a real IdP instead of the sandbox (then no sandbox IdP starts)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8080}
HOST=127.0.0.1
ORIGIN="http://$HOST:$PORT"

say() { printf '\033[1m[run]\033[0m %s\n' "$*"; }

pids=()
names=()

# start NAME COMMAND...: runs COMMAND in the background and remembers it for shutdown.
start() {
  local name=$1
  shift
  "$@" &
  pids+=("$!")
  names+=("$name")
  say "started $name (pid $!)"
}

stop_all() {
  trap - INT TERM EXIT
  local i
  for i in "${!pids[@]}"; do
    if kill -0 "${pids[$i]}" 2>/dev/null; then
      say "stopping ${names[$i]}"
      kill -TERM "${pids[$i]}" 2>/dev/null || true
    fi
  done
  wait 2>/dev/null || true
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

# wait_for_port NAME PORT: waits until something accepts connections on HOST:PORT.
wait_for_port() {
  local name=$1 port=$2 i
  for i in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "$name did not start listening on $HOST:$port" >&2
  return 1
}

if [ ! -x target/native/gateway ] || [ ! -f dist/pages/index.html ]; then
  echo "no build found: run 'make run' (or scripts/build.sh first)" >&2
  exit 1
fi

# --- sandbox services ----------------------------------------------------------------------------
IDP_PORT=${IDP_PORT:-8081}
if [ -z "${LEBENSLAGEN_AUTH_ISSUER:-}" ]; then
  if [ ! -d end2end/sandbox/node_modules/oidc-provider ]; then
    echo "end2end/sandbox/node_modules is missing: run 'make run' (or scripts/setup.sh first)" >&2
    exit 1
  fi
  start "sandbox IdP" node end2end/sandbox/idp.mjs --port "$IDP_PORT" --gateway-origin "$ORIGIN"
  wait_for_port "sandbox IdP" "$IDP_PORT"
  export LEBENSLAGEN_AUTH_ISSUER="http://localhost:$IDP_PORT"
fi

# --- gateway ------------------------------------------------------------------------------------
start gateway env \
  LEBENSLAGEN_LISTEN="$HOST:$PORT" \
  LEBENSLAGEN_DIST="${LEBENSLAGEN_DIST:-dist}" \
  LEBENSLAGEN_PUBLIC_ORIGIN="${LEBENSLAGEN_PUBLIC_ORIGIN:-$ORIGIN}" \
  LEBENSLAGEN_AUTH_ISSUER="$LEBENSLAGEN_AUTH_ISSUER" \
  RUST_LOG="${RUST_LOG:-info}" \
  target/native/gateway
wait_for_port gateway "$PORT"

say "Lebenslagen runs at $ORIGIN/  (Ctrl-C stops everything)"
say "sign in with a test citizen of the sandbox Servicekonto at $LEBENSLAGEN_AUTH_ISSUER"

# Stay in the foreground until one service exits (or Ctrl-C); then the traps stop the rest.
status=0
wait -n || status=$?
say "a service exited (status $status); stopping the others"
exit "$status"
