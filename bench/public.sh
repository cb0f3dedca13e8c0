#!/usr/bin/env bash
# The public register on the demo (SQLite, Release, loopback): 200 sequential requests of a unit's public page
# (server time at the median, from curl's first byte minus its request sent, and the compressed weight over the wire),
# then a bounded flood of the feedback endpoint: 2,000 requests from 20 client addresses (X-Forwarded-For, the bench
# trusting 127.0.0.1 as its proxy), 20 at a time, counting the answers by status.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/SuNghiep.Web -c Release -v q -nologo > /dev/null
dll=$PWD/src/SuNghiep.Web/bin/Release/net10.0/sunghiep.dll
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
(cd "$work" && SUNGHIEP_ADMIN_EMAIL=bench@sunghiep.local SUNGHIEP_ADMIN_PASSWORD=Bench-Passw0rd Reminders__Enabled=false \
  ForwardedHeaders__KnownProxies=127.0.0.1 Logging__LogLevel__Default=Warning \
  exec dotnet "$dll" --urls "$base" > "$work/app.log" 2>&1) &
pid=$!
until curl -fs "$base/healthz" > /dev/null 2>&1; do sleep 0.1; done

code=$(curl -fs "$base/api/v1/public/units?q=truong" | sed -E 's/.*"items":\[\{"code":"([^"]+)".*/\1/')
url="$base/cong-khai/$code"
for _ in $(seq 1 20); do curl -fs -o /dev/null "$url"; done
for _ in $(seq 1 200); do
  curl -fs -o /dev/null -H 'Accept-Encoding: br, gzip' -w '%{time_pretransfer} %{time_starttransfer} %{size_download}\n' "$url"
done > "$work/page.txt"
awk '{ print ($2 - $1) * 1000 }' "$work/page.txt" | sort -n | awk '{ a[NR] = $1 } END { printf "GET /cong-khai/%s: median %.1f ms, p95 %.1f ms (200 requests)\n", "'"$code"'", a[int(NR/2)], a[int(NR*0.95)] }'
awk '{ print $3 }' "$work/page.txt" | sort -n | awk '{ a[NR] = $1 } END { printf "  %d to %d bytes over the wire, compressed (the one-time challenge differs)\n", a[1], a[NR] }'
printf '  uncompressed: %d bytes\n' "$(curl -fs "$url" | wc -c)"

body='{"topic":"Khác","text":"Phản ánh của bài đo tải trên cổng công khai"}'
seq 1 2000 | xargs -P 20 -I{} sh -c 'curl -s -o /dev/null -w "%{http_code}\n" -X POST -H "content-type: application/json" \
  -H "X-Forwarded-For: 10.0.0.$(( {} % 20 + 1 ))" -d '"'$body'"' '"$base/api/v1/public/units/$code/feedback" > "$work/flood.txt"
echo "POST /api/v1/public/units/$code/feedback, 2,000 requests from 20 addresses, 20 at a time:"
sort "$work/flood.txt" | uniq -c | awk '{ printf "  %s: %d\n", $2, $1 }'
