#!/usr/bin/env bash
# Measures the cold start of the web app on SQLite: the time from launching the process to the first
# 200 from /healthz and from the register page's API, with a fresh database (migrate + reference data +
# demo province) and again with the database already there. Release build; loopback only.
# With an argument, measures that sunghiep.dll instead of building this tree's (e.g. an older commit's build, copied
# aside, to compare both in the same minute on a busy machine).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then
  dll=$(realpath "$1")
else
  dotnet build src/SuNghiep.Web -c Release -v q -nologo > /dev/null
  dll=$PWD/src/SuNghiep.Web/bin/Release/net10.0/sunghiep.dll
fi
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))

start() {
  local t0 t1
  t0=$(date +%s.%N)
  (cd "$work" && SUNGHIEP_ADMIN_EMAIL=bench@sunghiep.local SUNGHIEP_ADMIN_PASSWORD=Bench-Passw0rd \
    Logging__LogLevel__Default=Warning exec dotnet "$dll" --urls "http://127.0.0.1:$port" > "$work/app.log" 2>&1) &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/healthz" > /dev/null 2>&1; do sleep 0.05; done
  t1=$(date +%s.%N)
  # CPU seconds the app used until healthy (user + system): steadier than the wall clock when the machine is busy.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$pid/stat")
  token=$(curl -fs -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
    -d '{"email":"bench@sunghiep.local","password":"Bench-Passw0rd"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  curl -fs "http://127.0.0.1:$port/api/v1/units?pageSize=20" -H "Authorization: Bearer $token" > /dev/null
  printf '%-34s healthy after %.2f s (%s s of CPU), first register page after %.2f s\n' "$1" \
    "$(echo "$t1 - $t0" | bc)" "$cpu" "$(echo "$(date +%s.%N) - $t0" | bc)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

start "fresh database (migrate + seed):"
start "existing database:"
