#!/usr/bin/env bash
# Benchmarks the gateway's PVOG Suchdienst mirror (/suchdienst/api) on the shipped dataset:
# startup time, p50/p99 latency per query kind, requests/s, and the bytes a browser receives
# for the Lebenslage "Rund ums Fahrzeug" at Nördlingen. Prints figures, never asserts.
#
#   scripts/bench-mirror.sh            (from anywhere; builds the native profile first)
#
# The gateway runs on 127.0.0.1 on a free port with an empty dist (so the background
# compression of the app's assets does not compete for the CPU). All traffic stays on loopback.
# If `wrk` is installed, a short wrk run per endpoint is added; the script does not install it.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[bench-mirror]\033[0m %s\n' "$*" >&2; }

TARGET=${CARGO_TARGET_DIR:-target}
DATA=${LEBENSLAGEN_DATA:-data/generated}

say "cargo build --profile native -p gateway --bin gateway --example bench_mirror"
cargo build --quiet --profile native -p gateway --bin gateway --example bench_mirror

work=$(mktemp -d)
gateway_pid=
cleanup() {
  if [ -n "$gateway_pid" ] && kill -0 "$gateway_pid" 2>/dev/null; then
    kill -TERM "$gateway_pid" 2>/dev/null || true
    wait "$gateway_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/dist/pages"

# Start on port 0 and read the address the gateway prints once it listens.
start_ns=$(date +%s%N)
LEBENSLAGEN_LISTEN=127.0.0.1:0 LEBENSLAGEN_DIST="$work/dist" LEBENSLAGEN_DATA="$DATA" \
  RUST_LOG=info,gateway::access=warn \
  "$TARGET/native/gateway" >"$work/stdout" 2>"$work/stderr" &
gateway_pid=$!
url=
for _ in $(seq 1 200); do
  url=$(sed -n 's#.*running at \(http://[0-9.:]*\)/.*#\1#p' "$work/stdout" | head -n1)
  [ -n "$url" ] && break
  if ! kill -0 "$gateway_pid" 2>/dev/null; then
    cat "$work/stderr" >&2
    echo "the gateway did not start" >&2
    exit 1
  fi
  sleep 0.01
done
[ -n "$url" ] || { echo "the gateway did not start listening" >&2; exit 1; }
listening_ns=$(date +%s%N)
until curl -fsS -o /dev/null "$url/suchdienst/api/v2/locations?q=86720" 2>/dev/null; do sleep 0.01; done
ready_ns=$(date +%s%N)
load_ms=$(sed -n 's/.*PVOG mirror serves the dataset.*load_ms=\([0-9]*\).*/\1/p' "$work/stderr" | head -n1)
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$gateway_pid/status" 2>/dev/null || echo "?")

echo "# Startup (native profile)"
echo
echo "- dataset loaded and indexed (gateway log, load_ms): ${load_ms:-?} ms"
echo "- process start to listening: $(( (listening_ns - start_ns) / 1000000 )) ms"
echo "- process start to first answer of /v2/locations: $(( (ready_ns - start_ns) / 1000000 )) ms"
echo "- resident memory after start: ${rss_kb} kB"
echo

"$TARGET/native/examples/bench_mirror" "$url" "$DATA"

if command -v wrk >/dev/null 2>&1; then
  echo
  echo "## wrk (2 threads, 16 connections, 5 s each)"
  echo
  for path in \
    "/suchdienst/api/v2/locations?q=86720" \
    "/suchdienst/api/v2/locations?q=neust" \
    "/suchdienst/api/v2/servicedescriptions/leikahierarchy?ars=097790194194&leikaIds=99036009072003,99036008007002,99036008007001,99036008007008,99036011011000,99036008071000,99036008070002,99036008070003,99023001012000,99023001051001,99108001001000"; do
    echo "### $path"
    echo '```'
    wrk -t2 -c16 -d5s -H 'Accept-Encoding: br, gzip' "$url$path" | sed -n '/Latency/,/Transfer/p'
    echo '```'
  done
else
  echo
  echo "(wrk not installed: only the built-in client's figures above; 'apt-get install wrk' adds a wrk run)"
fi
