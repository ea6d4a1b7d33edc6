#!/usr/bin/env bash
# Start-up to first served page on the demo database: median of N runs, measured from process start until
# the first 200 response of a body profile page. The first (seeding) start is done once beforehand and not counted.
# Usage: bench/startup.sh [runs] [page-path]; READY_TO_RUN=1 publishes ahead-of-time compiled (ReadyToRun) code.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
page=${2:-/bodies/myfgw}
work=$(mktemp -d /tmp/gongkai-startup.XXXXXX)
trap 'rm -rf "$work"' EXIT
port=5912
flags=()
[ "${READY_TO_RUN:-0}" = 1 ] && flags=(-r linux-x64 --self-contained false -p:PublishReadyToRun=true)
dotnet publish src/Gongkai -c Release "${flags[@]}" -o "$work/app" -nologo -v quiet >/dev/null

run_once() {
  local start end pid
  start=$(date +%s%N)
  (cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production Gongkai__Demo__Seed=true Gongkai__DataFolder="$work/data" \
    exec dotnet Gongkai.dll --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1) &
  pid=$!
  until curl -fs "http://127.0.0.1:$port$page" -o /dev/null 2>/dev/null; do sleep 0.02; done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

echo "seeding start (not counted): $(run_once) ms"
times=()
for i in $(seq 1 "$runs"); do t=$(run_once); times+=("$t"); echo "run $i: $t ms"; done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms"}'
