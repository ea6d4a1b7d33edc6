#!/usr/bin/env bash
# Hotline load run on SQLite (issue 15): Open311 intake throughput through the real server, then the body queue and
# the overdue list over a table filled with N tickets (inserted directly, spread over a year, ~10 % open).
# Usage: bench/hotline-load.sh [tickets] [intake-seconds] [threads]   (uses the Release build in src/Gongkai/bin)
set -euo pipefail
cd "$(dirname "$0")/.."
tickets=${1:-200000}
seconds=${2:-10}
threads=${3:-8}
app=src/Gongkai/bin/Release/net10.0
work=$(mktemp -d /tmp/gongkai-hotline.XXXXXX)
port=5931
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export ASPNETCORE_ENVIRONMENT=Production Gongkai__Demo__Seed=true Gongkai__DataFolder="$work/data" Gongkai__Jobs__Enabled=false
key=$(dotnet "$app/Gongkai.dll" open311 keys create --name load-run 2>/dev/null | grep '^o311_')
(exec dotnet "$app/Gongkai.dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1) &
pid=$!
until curl -fs "http://127.0.0.1:$port/open311/v2/services.json" -o /dev/null 2>/dev/null; do sleep 0.1; done
python3 - "$port" "$key" "$seconds" "$threads" "$tickets" "$work/data/gongkai.db" <<'PY'
import sys, time, threading, urllib.request, urllib.parse, sqlite3, random, statistics
port, key, seconds, threads, tickets, dbpath = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
base = f"http://127.0.0.1:{port}/open311/v2/"
def post():
    body = urllib.parse.urlencode({"api_key": key, "service_code": "0101", "lat": "31.46", "long": "104.68",
        "description": "小区门口垃圾堆放多日无人清运，气味很大，请尽快处理。", "phone": "13900000000"}).encode()
    with urllib.request.urlopen(urllib.request.Request(base + "requests.json", data=body), timeout=30) as r:
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
print(f"Open311 intake: {count[0]} requests in {time.time()-start:.1f} s = {count[0]/(time.time()-start):.0f} tickets/s ({threads} client threads, {errors[0]} errors)")

# Fill the table: one year of tickets, ~10 % open with limits around now, the rest closed.
db = sqlite3.connect(dbpath)
bodies = [r[0] for r in db.execute("select Id from bodies")]
cats = [r[0] for r in db.execute("select Id from hotline_categories where ParentId is not null")]
def ticks(ts):  # EF's DateTimeOffsetToBinaryConverter for UTC values
    return (((int(ts * 10_000_000) + 621355968000000000) // 1000) << 11)
now = time.time(); rows = []
for i in range(tickets):
    received = now - random.random() * 365 * 86400
    is_open = random.random() < 0.10
    due = now + random.uniform(-3, 10) * 86400 if is_open else None
    rows.append((f"LOAD-{i:07d}", "phone", random.choice(cats), "general", "signed" if is_open else "evaluated", "负载测试", "负载测试",
                 random.choice(bodies), ticks(received), ticks(received), ticks(due) if due else None, ticks(due) if due else None, 1 if is_open else 0))
t0 = time.time()
db.executemany("""insert into hotline_tickets (Number, Channel, CategoryId, Urgency, Status, Description, PublicDescription, BodyId, ReceivedAt, UpdatedAt,
  ReplyDueAt, NextDueAt, IsOpen, Address, District, MediaUrl, Attributes, CallerName, CallerPhone, CallerEmail, ReplyText, ReopenCount, Token, Supervised)
  values (?,?,?,?,?,?,?,?,?,?,?,?,?, '', '', '', '', '', '', '', '', 0, '', 0)""", rows)
db.commit(); db.execute("analyze"); db.commit()
print(f"inserted {tickets} tickets in {time.time()-t0:.1f} s")
PY
# The queue and the overdue list are read through Open311 (anonymous, same server) and through the exact SQL the
# desk issues (EF logs it); here the SQL, timed in the server's own database file.
python3 - "$work/data/gongkai.db" <<'PY'
import sys, sqlite3, time, random, statistics
db = sqlite3.connect(sys.argv[1])
bodies = [r[0] for r in db.execute("select Id from bodies")]
def ticks(ts): return (((int(ts * 10_000_000) + 621355968000000000) // 1000) << 11)
def timed(sql, args_fn, n=200):
    times = []
    for _ in range(n):
        t = time.perf_counter(); db.execute(sql, args_fn()).fetchall(); times.append((time.perf_counter() - t) * 1000)
    times.sort(); return times[len(times)//2], times[int(len(times)*0.95)]
queue = """select * from hotline_tickets where BodyId = ? and IsOpen = 1 order by NextDueAt is null, NextDueAt, Id limit 100"""
overdue = """select * from hotline_tickets where IsOpen = 1 and NextDueAt < ? order by NextDueAt is null, NextDueAt, Id limit 100"""
p50, p95 = timed(queue, lambda: (random.choice(bodies),)); print(f"body queue (100 rows): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
p50, p95 = timed(overdue, lambda: (ticks(time.time()),)); print(f"overdue list (100 rows): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
PY
for path in "requests.json?status=open" "requests.xml"; do
  s=$(date +%s%N); curl -fs "http://127.0.0.1:$port/open311/v2/$path" -o /dev/null; e=$(date +%s%N)
  echo "GET /open311/v2/$path (≤ 1,000 rows of the last 90 days): $(( (e - s) / 1000000 )) ms"
done
s=$(date +%s%N); curl -fs "http://127.0.0.1:$port/hotline/statistics" -o /dev/null; e=$(date +%s%N)
echo "monthly statistics page (all bodies, this month): $(( (e - s) / 1000000 )) ms"
