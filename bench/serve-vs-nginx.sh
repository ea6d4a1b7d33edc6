#!/usr/bin/env bash
# Load run: a body profile page served by Gongkai vs. the same HTML served by nginx as a static file,
# measured in one run with interleaved rounds (wrk -t2 -c32 -d15s on loopback). Needs wrk and nginx
# (apt-get install wrk nginx-light). Usage: bench/serve-vs-nginx.sh [rounds] [page-path]
# IMPORT=<folder> first imports a Markdown corpus into the fresh database (e.g. IMPORT=../shared/corpus/laws);
# the page path "document" then means the page of the newest published document, "document:<year>" the newest
# published in that year (e.g. document:2020 picks an imported law rather than a demo document).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
page=${2:-/bodies/myfgw}
work=$(mktemp -d /tmp/gongkai-bench.XXXXXX)
app_port=5910; nginx_port=5911

dotnet publish src/Gongkai -c Release -o "$work/app" -nologo -v quiet >/dev/null
if [ -n "${IMPORT:-}" ]; then
  corpus=$(realpath "$IMPORT")
  (cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production Gongkai__Demo__Seed=true Gongkai__DataFolder="$work/data" dotnet Gongkai.dll import "$corpus" | tail -1)
fi
# exec: $! is then the server itself, so the cleanup stops it (a killed subshell would leave it serving the port).
# The app's folder is the working directory so that it is the content root: appsettings.json (log levels, site
# settings) applies, as in a deployment; from elsewhere every request and SQL command would be logged.
(cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production Gongkai__Demo__Seed=true Gongkai__DataFolder="$work/data" \
  dotnet Gongkai.dll --urls "http://127.0.0.1:$app_port" >"$work/app.log" 2>&1) &
app_pid=$!
if curl -fs "http://127.0.0.1:$app_port/readyz" >/dev/null 2>&1; then echo "port $app_port is already in use" >&2; exit 1; fi
cleanup() { kill $app_pid 2>/dev/null || true; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$app_port/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
# After an import the search index is built in the background on first start (≈ 20–30 s for the corpus): wait for it,
# or the first round measures the page while the indexer takes a core.
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$app_port/api/v1/search/status" \
    | python3 -c 'import json,sys; s=json.load(sys.stdin); sys.exit(0 if s["pending"]==0 and s["documents"]>0 else 1)' && break
  sleep 0.5
done

if [ "${page%%:*}" = document ]; then
  year=""; [ "$page" != document ] && year="&year=${page#document:}"
  page=$(curl -fs "http://127.0.0.1:$app_port/api/v1/documents?size=1$year" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["items"][0]["url"])')
fi
mkdir -p "$work/www"
curl -fs "http://127.0.0.1:$app_port$page" -o "$work/www/page.html"
bytes=$(wc -c <"$work/www/page.html")
cat >"$work/nginx.conf" <<NGINX
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  server { listen 127.0.0.1:$nginx_port; root $work/www; location / { default_type "text/html; charset=utf-8"; } }
}
NGINX
nginx -c "$work/nginx.conf"
sleep 0.5

# warm up both
wrk -t2 -c32 -d3s "http://127.0.0.1:$app_port$page" >/dev/null
wrk -t2 -c32 -d3s "http://127.0.0.1:$nginx_port/page.html" >/dev/null
echo "page $page ($bytes bytes)"
printf "%-6s %14s %14s %8s\n" round gongkai_rps nginx_rps ratio
for r in $(seq 1 "$rounds"); do
  g=$(wrk -t2 -c32 -d15s "http://127.0.0.1:$app_port$page" | awk '/Requests\/sec/ {print $2}')
  n=$(wrk -t2 -c32 -d15s "http://127.0.0.1:$nginx_port/page.html" | awk '/Requests\/sec/ {print $2}')
  printf "%-6s %14s %14s %8.2f\n" "$r" "$g" "$n" "$(echo "$g / $n" | bc -l)"
done
