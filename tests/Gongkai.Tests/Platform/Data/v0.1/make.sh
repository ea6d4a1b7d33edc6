#!/usr/bin/env bash
# Makes a database with the v0.1 build: migrate, start with demo seeding, file an application, stop.
set -euo pipefail
provider=$1 data=$2 port=$3 cs=${4:-}
app=${GONGKAI_V01_BUILD:?folder of the v0.1 build, e.g. bin/Release/net10.0 of a git worktree of tag v0.1}
mkdir -p "$data"
export ASPNETCORE_ENVIRONMENT=Production Gongkai__DataFolder="$data" Gongkai__Demo__Seed=true Gongkai__Database__Provider=$provider Gongkai__Database__ConnectionString="$cs" Gongkai__Jobs__Enabled=true
cd "$data"
dotnet $app/Gongkai.dll migrate
dotnet $app/Gongkai.dll --urls http://127.0.0.1:$port > "$data/serve.log" 2>&1 &
pid=$!
for i in $(seq 1 120); do curl -sf http://127.0.0.1:$port/readyz >/dev/null && break; sleep 1; done
curl -sf -X POST -H 'Content-Type: application/json' http://127.0.0.1:$port/api/v1/requests/ -d '{"applicantType":"自然人","name":"王升级","idType":"居民身份证","idNumber":"11010519491231002X","phone":"13800138000","email":"wang@example.cn","address":"绵阳市涪城区升级路1号","description":"请公开2018年城市建设计划的落实情况（升级测试）。","form":"electronic","delivery":"email","body":"myszf"}' | tee "$data/application.json"
echo
sleep 3
kill $pid; wait $pid || true
