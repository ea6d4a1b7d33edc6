#!/usr/bin/env bash
# Survey result page load run on SQLite (issue 14): the demo survey with published results is filled to N responses
# (inserted directly into the database: one single choice, one to four multiple choices and a text answer in every
# tenth response), then its public result page (/surveys/{id}: SVG chart and table per choice question, shown text
# answers) and GET /api/v1/surveys/{id}/results are requested one after another and timed.
# Usage: bench/survey-load.sh [responses] [page-requests]   (Release build in src/Gongkai/bin)
set -euo pipefail
cd "$(dirname "$0")/.."
responses=${1:-100000}
requests=${2:-200}
app=src/Gongkai/bin/Release/net10.0
work=$(mktemp -d /tmp/gongkai-survey.XXXXXX)
port=5933
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export ASPNETCORE_ENVIRONMENT=Production Gongkai__Demo__Seed=true Gongkai__DataFolder="$work/data" Gongkai__Jobs__Enabled=false
(exec dotnet "$app/Gongkai.dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1) &
pid=$!
until curl -fs "http://127.0.0.1:$port/surveys" -o /dev/null 2>/dev/null; do sleep 0.2; done
python3 - "$port" "$responses" "$requests" "$work/data/gongkai.db" <<'PY'
import sys, time, urllib.request, sqlite3, hashlib
port, responses, requests, dbpath = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
db = sqlite3.connect(dbpath)
sid = db.execute("select Id from surveys where Stage = 'results-published' order by Id limit 1").fetchone()[0]
questions = db.execute("select Id, Kind from survey_questions where SurveyId = ? order by Position", (sid,)).fetchall()
def ticks(ts): return (((int(ts * 10_000_000) + 621355968000000000) // 1000) << 11)
now = ticks(time.time())
have = db.execute("select count(*) from survey_responses where SurveyId = ?", (sid,)).fetchone()[0]
start_id = db.execute("select coalesce(max(Id), 0) from survey_responses").fetchone()[0] + 1
t0 = time.time()
batch_r, batch_a = [], []
for n in range(max(0, responses - have)):
    rid = start_id + n
    batch_r.append((rid, sid, hashlib.sha256(f"bench-{n}".encode()).hexdigest(), now))
    for qid, kind in questions:
        if kind == "single":
            batch_a.append((sid, rid, qid, 1 + n % 3, None, None, None))
        elif kind == "multiple":
            for option in range(1, 2 + n % 4):
                batch_a.append((sid, rid, qid, option, None, None, None))
        elif kind == "scale":
            batch_a.append((sid, rid, qid, 1 + n % 5, None, None, None))
        elif n % 10 == 0:
            text = f"第{n}条建议：希望增加夜间线路并缩短发车间隔。"
            batch_a.append((sid, rid, qid, None, text, text, "shown" if n % 20 == 0 else "pending"))
    if len(batch_r) >= 10000:
        db.executemany("insert into survey_responses (Id, SurveyId, KeyHash, CreatedAt) values (?,?,?,?)", batch_r)
        db.executemany("insert into survey_answers (SurveyId, ResponseId, QuestionId, Option, Text, PublicText, Moderation) values (?,?,?,?,?,?,?)", batch_a)
        batch_r, batch_a = [], []
if batch_r:
    db.executemany("insert into survey_responses (Id, SurveyId, KeyHash, CreatedAt) values (?,?,?,?)", batch_r)
    db.executemany("insert into survey_answers (SurveyId, ResponseId, QuestionId, Option, Text, PublicText, Moderation) values (?,?,?,?,?,?,?)", batch_a)
db.commit(); db.execute("analyze"); db.commit()
print(f"survey {sid}: {db.execute('select count(*) from survey_responses where SurveyId = ?', (sid,)).fetchone()[0]} responses, "
      f"{db.execute('select count(*) from survey_answers where SurveyId = ?', (sid,)).fetchone()[0]} answers (seeded in {time.time() - t0:.0f} s)")
base = f"http://127.0.0.1:{port}"
def timed(path):
    times = []
    for _ in range(5): urllib.request.urlopen(base + path).read()
    for _ in range(requests):
        t = time.perf_counter(); urllib.request.urlopen(base + path).read(); times.append((time.perf_counter() - t) * 1000)
    times.sort(); return times[len(times)//2], times[int(len(times)*0.95)]
for label, path in (("result page /surveys/{id} (charts, tables, shown text answers)", f"/surveys/{sid}"),
                    ("GET /api/v1/surveys/{id} with results", f"/api/v1/surveys/{sid}")):
    p50, p95 = timed(path); print(f"{label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms over {requests} requests")
PY
