#!/usr/bin/env bash
# Consultation load run on SQLite (issue 14): comment intake through the real server's API, then the public
# consultation page and its feedback page over a consultation holding N comments (inserted directly, all shown).
# Usage: bench/consultation-load.sh [comments] [intake-seconds] [threads] [page-requests]   (Release build in src/Gongkai/bin)
set -euo pipefail
cd "$(dirname "$0")/.."
comments=${1:-5000}
seconds=${2:-10}
threads=${3:-8}
requests=${4:-200}
app=src/Gongkai/bin/Release/net10.0
work=$(mktemp -d /tmp/gongkai-consultation.XXXXXX)
port=5932
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
# One client address sends everything here, so the per-address comment limit is lifted for the run.
export ASPNETCORE_ENVIRONMENT=Production Gongkai__Demo__Seed=true Gongkai__DataFolder="$work/data" Gongkai__Jobs__Enabled=false \
  Gongkai__Participation__CommentsPerMinute=1000000
(exec dotnet "$app/Gongkai.dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1) &
pid=$!
until curl -fs "http://127.0.0.1:$port/consultations" -o /dev/null 2>/dev/null; do sleep 0.2; done
python3 - "$port" "$seconds" "$threads" "$comments" "$requests" "$work/data/gongkai.db" <<'PY'
import sys, time, threading, urllib.request, json, sqlite3
port, seconds, threads, comments, requests, dbpath = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
db = sqlite3.connect(dbpath)
open_id = db.execute("select Id from consultations where Stage = 'opened' order by Id limit 1").fetchone()[0]
closed_id = db.execute("select Id from consultations where Stage = 'feedback-published' order by Id limit 1").fetchone()[0]
base = f"http://127.0.0.1:{port}"
def post():
    body = json.dumps({"contact": "13900000000", "text": "建议在地铁站和公交站周边多划停放点，方便换乘；夜间应有照明。"}).encode()
    req = urllib.request.Request(f"{base}/api/v1/consultations/{open_id}/comments", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
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
print(f"comment intake: {count[0]} comments in {elapsed:.1f} s = {count[0]/elapsed:.0f} comments/s ({threads} client threads, {errors[0]} errors)")

# Fill both consultations to N comments, all shown (the feedback's comments in its second group).
def ticks(ts): return (((int(ts * 10_000_000) + 621355968000000000) // 1000) << 11)
group = db.execute("select Id from consultation_feedback_groups where ConsultationId = ? order by Position desc limit 1", (closed_id,)).fetchone()[0]
now = ticks(time.time())
for cid, gid in ((open_id, None), (closed_id, group)):
    have = db.execute("select count(*) from consultation_comments where ConsultationId = ?", (cid,)).fetchone()[0]
    rows = [(cid, "13900000000", f"第{i}条意见：建议增加停放点并加强夜间照明，方便市民出行。", f"第{i}条意见：建议增加停放点并加强夜间照明，方便市民出行。",
             "online", "2026-01-01", now, "shown", gid) for i in range(max(0, comments - have))]
    db.executemany("""insert into consultation_comments (ConsultationId, Contact, Text, PublicText, Channel, ReceivedOn, CreatedAt, Moderation, GroupId)
      values (?,?,?,?,?,?,?,?,?)""", rows)
db.execute("update consultation_comments set Moderation = 'shown' where ConsultationId = ?", (open_id,))
db.commit(); db.execute("analyze"); db.commit()
for cid in (open_id, closed_id):
    print(f"consultation {cid}: {db.execute('select count(*) from consultation_comments where ConsultationId = ?', (cid,)).fetchone()[0]} comments")
def timed(path):
    times = []
    for _ in range(5): urllib.request.urlopen(base + path).read()
    for _ in range(requests):
        t = time.perf_counter(); urllib.request.urlopen(base + path).read(); times.append((time.perf_counter() - t) * 1000)
    times.sort(); return times[len(times)//2], times[int(len(times)*0.95)]
for label, path in (("consultation page (draft, comment form, 50 comments of the first page)", f"/consultations/{open_id}"),
                    ("feedback page (every comment in its group)", f"/consultations/{closed_id}/feedback"),
                    ("GET /api/v1/consultations/{id} with feedback", f"/api/v1/consultations/{closed_id}")):
    p50, p95 = timed(path); print(f"{label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms over {requests} requests")
PY
