#!/usr/bin/env bash
# Import timing (issue 3 target: the whole law corpus into SQLite in < 60 s, peak memory < 1 GiB; also PostgreSQL).
# Usage: bench/import-timing.sh [corpus-folder] [postgres-connection-without-database]
#   defaults: ../shared/corpus/laws and Host=127.0.0.1;Port=5544;Username=gongkai (skip PostgreSQL with PG=none).
# Builds Release once, then for each database: a first import into a fresh database, then the idempotent re-run.
# Prints the verb's own time (import only) and the whole process (start-up, migrating, demo seeding, import) with
# its peak RSS, from /usr/bin/time -v.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(realpath "${1:-../shared/corpus/laws}")
pg=${2:-${PG:-Host=127.0.0.1;Port=5544;Username=gongkai}}
work=$(mktemp -d /tmp/gongkai-import-timing.XXXXXX)
database="gongkai_import_timing_$$"
field() { sed -n "s/.*$1=\([^;]*\).*/\1/p" <<<"$pg"; }
cleanup() {
  rm -rf "$work"
  if [ "$pg" != none ]; then
    psql -h "$(field Host)" -p "$(field Port)" -U "$(field Username)" -d postgres -qc "DROP DATABASE IF EXISTS $database" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

dotnet publish src/Gongkai -c Release -o "$work/app" -nologo -v quiet >/dev/null
echo "corpus: $corpus ($(find "$corpus" -name '*.md' | wc -l) files); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-10s %-8s %12s %12s %12s\n" database run import_s process_s peak_rss_MiB

run() { # database label, run label, then environment assignments
  local db=$1 label=$2; shift 2
  # Run from the app's folder: it is the content root, so appsettings.json (log levels) applies.
  (cd "$work/app" && env ASPNETCORE_ENVIRONMENT=Production Gongkai__Demo__Seed=true Gongkai__DataFolder="$work/data-$db" "$@" \
    /usr/bin/time -v dotnet Gongkai.dll import "$corpus" >"$work/out" 2>"$work/time") || { tail -5 "$work/out" "$work/time"; exit 1; }
  local verb process rss
  verb=$(grep -o '用时 [0-9.]* 秒' "$work/out" | grep -o '[0-9.]*' | tail -1)
  process=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/time")
  printf "%-10s %-8s %12s %12s %12s\n" "$db" "$label" "$verb" "$process" "$rss"
}

run sqlite first
run sqlite re-run
if [ "$pg" != none ]; then
  pgenv=(Gongkai__Database__Provider=Postgres "Gongkai__Database__ConnectionString=$pg;Database=$database")
  run postgres first "${pgenv[@]}"
  run postgres re-run "${pgenv[@]}"
fi
