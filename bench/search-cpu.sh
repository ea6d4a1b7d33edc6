#!/usr/bin/env bash
# Server CPU and allocation per search request over HTTP: robust on a shared machine, unlike wrk's latency figures.
# Starts a published app (APP, default: publishes this tree) on a data folder that already holds the imported corpus
# (DATA, default: imports ../shared/corpus/laws into a fresh one and keeps it for the next run), waits for the index,
# warms up 10 s under wrk, then runs `wrk -t2 -c8` for the duration and
# divides the server process's CPU time (/proc/<pid>/stat utime+stime) and its allocated bytes (the
# System.Runtime counter dotnet.gc.heap.total_allocated, read by `dotnet-counters` if installed — `dotnet tool install -g
# dotnet-counters` — else not shown) by the requests served.
# Usage: [APP=folder] [DATA=folder] [ROUNDS=3] bench/search-cpu.sh [duration]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20s}
rounds=${ROUNDS:-3}
port=${PORT:-5923}
url="http://127.0.0.1:$port"
work=$(mktemp -d /tmp/gongkai-search-cpu.XXXXXX)
app=${APP:-}
if [ -z "$app" ]; then
  app="$work/app"
  dotnet publish src/Gongkai -c Release -o "$app" -nologo -v quiet >/dev/null
fi
data=${DATA:-}
if [ -z "$data" ] || [ ! -d "$data" ]; then
  data=${DATA:-$work/data}
  default_corpus=../shared/corpus/laws
  [ -d "$default_corpus" ] || default_corpus=../../shared/corpus/laws
  corpus=$(realpath "$default_corpus")
  (cd "$app" && ASPNETCORE_ENVIRONMENT=Production Gongkai__Demo__Seed=true Gongkai__DataFolder="$data" dotnet Gongkai.dll import "$corpus" | tail -1) || true
fi
# Tiered compilation off (TIERED=1 keeps it): every method is compiled fully optimised on first call, so the figure does
# not depend on how far the JIT's background re-compilation got, which on a loaded machine takes minutes instead of 20 s.
(cd "$app" && exec env ASPNETCORE_ENVIRONMENT=Production Gongkai__Demo__Seed=true Gongkai__DataFolder="$data" \
  DOTNET_TieredCompilation="${TIERED:-0}" dotnet Gongkai.dll --urls "$url" >"$work/app.log" 2>&1) &
app_pid=$!
cleanup() { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; rm -rf "$work/app.log" "$work/queries.lua" "$work/counters.csv"; rmdir "$work" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 300); do curl -fs "$url/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
for _ in $(seq 1 600); do
  status=$(curl -fs "$url/api/v1/search/status" || echo '{}')
  python3 -c 'import json,sys; s=json.loads(sys.argv[1]); sys.exit(0 if s.get("pending")==0 and s.get("documents",0)>0 else 1)' "$status" && break
  sleep 0.5
done
echo "index: $status"
sed -n '/^cat >"\$work\/queries.lua"/,/^LUA$/p' bench/search-wrk.sh | sed '1d;$d' >"$work/queries.lua"
cpu() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
tick=$(getconf CLK_TCK)
WARMUP_OUT=$(wrk -t2 -c8 -d"${WARMUP:-10s}" -s "$work/queries.lua" "$url" | awk '/Requests\/sec/ {print $2}')
echo "warm-up: $WARMUP_OUT req/s"
for round in $(seq 1 "$rounds"); do
  counters=${DOTNET_COUNTERS:-$(command -v dotnet-counters || echo "$HOME/.dotnet/tools/dotnet-counters")}
  rm -f "$work/counters.csv"
  if [ -x "$counters" ]; then
    "$counters" collect -p "$app_pid" --counters System.Runtime --format csv -o "$work/counters.csv" --refresh-interval 1 >/dev/null 2>&1 &
    counters_pid=$!
    sleep 2
  fi
  before=$(cpu)
  out=$(wrk -t2 -c8 -d"$duration" --latency -s "$work/queries.lua" "$url")
  after=$(cpu)
  if [ -n "${counters_pid:-}" ]; then kill "$counters_pid" 2>/dev/null || true; wait "$counters_pid" 2>/dev/null || true; counters_pid=; fi
  allocated=$(awk -F, '/total_allocated/ {s += $NF} END {print s + 0}' "$work/counters.csv" 2>/dev/null || echo 0)
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  errors=$(echo "$out" | awk '/non-2xx or errors/ {print $NF}')
  python3 - "$before" "$after" "$tick" "$requests" "$errors" "$(cut -d' ' -f1-3 /proc/loadavg)" "$round" "$allocated" <<'PY'
import sys
b, a, tick, n = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
alloc = float(sys.argv[8])
shown = f", ≈ {alloc/n/1024:.0f} KB allocated per request (dotnet-counters, 1 s rates summed from 2 s before the round)" if alloc > 0 else ""
print(f"round {sys.argv[7]}: {n} requests ({sys.argv[5]} errors), server CPU {(a-b)/tick:.2f} s, {(a-b)/tick/n*1e6:.0f} µs CPU per request{shown}; load {sys.argv[6]}")
PY
done
