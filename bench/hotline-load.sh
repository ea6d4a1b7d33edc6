#!/usr/bin/env bash
# Hotline load run (issue 15) on SQLite or PostgreSQL, everything through the real server over HTTP:
#   1. Open311 intake: `POST /open311/v2/requests.json` from N client threads for S seconds (the real endpoint: key check,
#      validation, masking, routing, one transaction per ticket);
#   2. bulk seeding to T tickets (rows written straight into hotline_tickets — one year, ~10 % open with limits around now,
#      spread over every body and leaf category), then ANALYZE;
#   3. reads through the staff API with personal access tokens of the demo accounts: the body's queue
#      (`GET /api/v1/hotline/tickets?status=open` as handler.myszf), the overdue list (`?overdue=true` as hotline.myszf),
#      200 requests each, p50/p95; the monthly statistics page for all bodies (this month, ~T/12 tickets) and its CSV;
#      Open311 `GET requests.json?status=open`.
# Usage: bench/hotline-load.sh [tickets=1000000] [intake-seconds=10] [threads=8] [sqlite|postgres]
# Uses the Release build in src/Gongkai/bin (or GONGKAI_APP=<folder with Gongkai.dll>). PostgreSQL: a throwaway cluster on
# a free loopback port (initdb/pg_ctl as scripts/test does, same settings), removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
tickets=${1:-1000000}
seconds=${2:-10}
threads=${3:-8}
provider=${4:-sqlite}
app=$(realpath "${GONGKAI_APP:-src/Gongkai/bin/Release/net10.0}")
work=$(mktemp -d /tmp/gongkai-hotline.XXXXXX)
chmod 755 "$work"
freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(freeport)
pid=
as_pg=()
pgbin=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null
  wait 2>/dev/null || true
  [ -n "$pgbin" ] && "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
export ASPNETCORE_ENVIRONMENT=Production Gongkai__Demo__Seed=true Gongkai__DataFolder="$work/data" Gongkai__Jobs__Enabled=false
if [ "$provider" = postgres ]; then
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$work"
    as_pg=(runuser -u postgres --)
  fi
  pgport=$(freeport)
  "${as_pg[@]}" "$pgbin/initdb" -D "$work/pg" -U gongkai -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w start \
    -o "-p $pgport -k $work -c listen_addresses=127.0.0.1 -c max_connections=300" >/dev/null
  export Gongkai__Database__Provider=Postgres
  export Gongkai__Database__ConnectionString="Host=127.0.0.1;Port=$pgport;Username=gongkai;Database=postgres;Maximum Pool Size=50"
  echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pgport (fsync on, synchronous_commit on)"
fi
mkdir -p "$work/data"
key=$(dotnet "$app/Gongkai.dll" open311 keys create --name load-run 2>/dev/null | grep '^o311_')
handler_token=$(dotnet "$app/Gongkai.dll" token create --user handler.myszf --name load-run 2>/dev/null | grep '^gk_' || true)
centre_token=$(dotnet "$app/Gongkai.dll" token create --user hotline.myszf --name load-run 2>/dev/null | grep '^gk_' || true)
[ -n "$handler_token" ] && [ -n "$centre_token" ] || { echo "could not create access tokens for handler.myszf and hotline.myszf" >&2; exit 1; }
(exec dotnet "$app/Gongkai.dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1) &
pid=$!
until curl -fs "http://127.0.0.1:$port/open311/v2/services.json" -o /dev/null 2>/dev/null; do sleep 0.2; done
echo "uptime before: $(uptime)"
# A compiled client as well, when wrk is installed: the Python client's threads share one interpreter lock and the two
# cores with the server, so its figure understates what the server accepts. A 5 s warm-up first lets the JIT settle.
if command -v wrk >/dev/null; then
  cat >"$work/intake.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "api_key=$key&service_code=0101&lat=31.46&long=104.68&phone=13900000000&description=%E5%B0%8F%E5%8C%BA%E9%97%A8%E5%8F%A3%E5%9E%83%E5%9C%BE%E5%A0%86%E6%94%BE%E5%A4%9A%E6%97%A5%E6%97%A0%E4%BA%BA%E6%B8%85%E8%BF%90"
LUA
  wrk -t2 -c"$threads" -d5s -s "$work/intake.lua" "http://127.0.0.1:$port/open311/v2/requests.json" >/dev/null  # warm-up (JIT), not counted
  wrk_out=$(wrk -t2 -c"$threads" -d"${seconds}s" --latency -s "$work/intake.lua" "http://127.0.0.1:$port/open311/v2/requests.json")
  rate=$(awk '/^Requests\/sec/ {print $2}' <<<"$wrk_out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$wrk_out"); socket=$(grep -c 'Socket errors' <<<"$wrk_out" || true)
  echo "Open311 intake with wrk (-t2 -c$threads -d${seconds}s): ${rate} tickets/s, non-2xx ${non2xx:-0}, socket-error lines ${socket}; p50 $(awk '$1=="50%" {print $2}' <<<"$wrk_out"), p99 $(awk '$1=="99%" {print $2}' <<<"$wrk_out")"
  echo "uptime after wrk intake: $(uptime)"
fi
python3 - "$port" "$key" "$seconds" "$threads" "$tickets" "$provider" "$work" "$handler_token" "$centre_token" "${pgbin:-}" "${pgport:-}" <<'PY'
import sys, time, threading, urllib.request, urllib.parse, random, statistics, subprocess, os, datetime, json
port, key, seconds, threads, tickets, provider, work, handler_token, centre_token, pgbin, pgport = sys.argv[1:12]
seconds, threads, tickets = float(seconds), int(threads), int(tickets)
root = f"http://127.0.0.1:{port}"

def post():
    body = urllib.parse.urlencode({"api_key": key, "service_code": "0101", "lat": "31.46", "long": "104.68",
        "description": "小区门口垃圾堆放多日无人清运，气味很大，请尽快处理。", "phone": "13900000000"}).encode()
    with urllib.request.urlopen(urllib.request.Request(root + "/open311/v2/requests.json", data=body), timeout=30) as r:
        assert r.status == 201
count = [0]; errors = [0]; lock = threading.Lock(); stop = time.time() + seconds
def worker():
    while time.time() < stop:
        try:
            post()
            with lock: count[0] += 1
        except Exception:
            with lock: errors[0] += 1
for _ in range(3): post()  # warm-up
ts = [threading.Thread(target=worker) for _ in range(threads)]
start = time.time(); [t.start() for t in ts]; [t.join() for t in ts]
elapsed = time.time() - start
print(f"Open311 intake: {count[0]} requests in {elapsed:.1f} s = {count[0]/elapsed:.0f} tickets/s ({threads} client threads, {errors[0]} errors)")
print(f"uptime after intake: {os.popen('uptime').read().strip()}")

# --- bulk seeding ---
def psql(sql, *extra):
    return subprocess.run([os.path.join(pgbin, "psql"), "-h", "127.0.0.1", "-p", pgport, "-U", "gongkai", "-d", "postgres", "-qAt", "-v", "ON_ERROR_STOP=1", "-c", sql, *extra],
                          check=True, capture_output=True, text=True).stdout
if provider == "postgres":
    bodies = [int(x) for x in psql('select "Id" from bodies').split()]
    cats = [int(x) for x in psql('select c."Id" from hotline_categories c where not exists (select 1 from hotline_categories k where k."ParentId" = c."Id")').split()]
else:
    import sqlite3
    db = sqlite3.connect(os.path.join(work, "data", "gongkai.db"))
    bodies = [r[0] for r in db.execute("select Id from bodies")]
    cats = [r[0] for r in db.execute("select c.Id from hotline_categories c where not exists (select 1 from hotline_categories k where k.ParentId = c.Id)")]
now = time.time()
random.seed(15)
def rows():
    for i in range(tickets):
        received = now - random.random() * 365 * 86400
        is_open = random.random() < 0.10
        due = now + random.uniform(-3, 10) * 86400 if is_open else None
        yield i, received, is_open, due, random.choice(bodies), random.choice(cats)
t0 = time.time()
cols = ["Number", "Channel", "CategoryId", "Urgency", "Status", "Description", "PublicDescription", "BodyId", "ReceivedAt", "UpdatedAt", "ReplyDueAt",
        "NextDueAt", "IsOpen", "RepliedOnTime", "SignedOnTime", "Address", "District", "MediaUrl", "Attributes", "CallerName", "CallerPhone", "CallerEmail",
        "ReplyText", "ReopenCount", "Token", "Supervised", "SmsConsent", "EvaluationToken"]
if provider == "postgres":
    def iso(ts): return datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).isoformat()
    csv = os.path.join(work, "tickets.csv")
    with open(csv, "w", encoding="utf-8") as f:
        for i, received, is_open, due, body, cat in rows():
            on_time = "" if is_open else ("t" if random.random() < 0.9 else "f")
            f.write(",".join([f"LOAD-{i:07d}", "phone", str(cat), "general", "signed" if is_open else "evaluated", "负载测试", "负载测试", str(body),
                              iso(received), iso(received), iso(due) if due else "", iso(due) if due else "", "t" if is_open else "f", on_time, "t",
                              '""', '""', '""', '""', '""', '""', '""', '""', "0", '""', "f", "f", '""']) + "\n")  # "" is an empty string, nothing is NULL
    quoted = ", ".join(f'"{c}"' for c in cols)
    psql(f"\\copy hotline_tickets ({quoted}) from '{csv}' with (format csv)")
    psql("analyze hotline_tickets")
else:
    def ticks(ts):  # EF's DateTimeOffsetToBinaryConverter for UTC values
        return (((int(ts * 10_000_000) + 621355968000000000) // 1000) << 11)
    batch = []
    sql = f"insert into hotline_tickets ({', '.join(cols)}) values ({', '.join('?' * len(cols))})"
    for i, received, is_open, due, body, cat in rows():
        on_time = None if is_open else (1 if random.random() < 0.9 else 0)
        batch.append((f"LOAD-{i:07d}", "phone", cat, "general", "signed" if is_open else "evaluated", "负载测试", "负载测试", body, ticks(received), ticks(received),
                      ticks(due) if due else None, ticks(due) if due else None, 1 if is_open else 0, on_time, 1, "", "", "", "", "", "", "", "", 0, "", 0, 0, ""))
        if len(batch) == 50000:
            db.executemany(sql, batch); batch = []
    db.executemany(sql, batch)
    db.commit(); db.execute("analyze"); db.commit(); db.close()
print(f"seeded {tickets} tickets in {time.time()-t0:.1f} s")

# --- reads through the server ---
def get(path, token=None):
    request = urllib.request.Request(root + path, headers={"Authorization": f"Bearer {token}"} if token else {})
    t = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as r:
        body = r.read()
        assert r.status == 200, r.status
    return (time.perf_counter() - t) * 1000, body
def timed(path, token, n=200):
    get(path, token)  # warm-up
    times = sorted(get(path, token)[0] for _ in range(n))
    return times[len(times)//2], times[int(len(times)*0.95) - 1]
rows_seen = len(json.loads(get("/api/v1/hotline/tickets?status=open", handler_token)[1]))
p50, p95 = timed("/api/v1/hotline/tickets?status=open", handler_token)
print(f"body queue, GET /api/v1/hotline/tickets?status=open as handler.myszf ({rows_seen} rows): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
rows_seen = len(json.loads(get("/api/v1/hotline/tickets?overdue=true", centre_token)[1]))
p50, p95 = timed("/api/v1/hotline/tickets?overdue=true", centre_token)
print(f"overdue list, GET /api/v1/hotline/tickets?overdue=true as hotline.myszf ({rows_seen} rows): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
# The last whole month (about T/12 tickets), as a monthly report reads it.
month = (datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
for path in (f"/hotline/statistics?month={month}", f"/hotline/statistics?month={month}&format=csv"):
    times = sorted(get(path)[0] for _ in range(5))
    print(f"monthly statistics, GET {path} (all bodies): median {times[2]:.0f} ms, worst {times[-1]:.0f} ms of 5")
times = sorted(get("/open311/v2/requests.json?status=open")[0] for _ in range(5))
print(f"Open311 GET requests.json?status=open (≤ 1,000 rows of the last 90 days): median {times[2]:.0f} ms of 5")
print(f"uptime at the end: {os.popen('uptime').read().strip()}")
PY
