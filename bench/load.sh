#!/usr/bin/env bash
# Load test on this machine: starts the app (Release) on a fresh SQLite or PostgreSQL database with the demo province,
# runs bench/SuNghiep.Load against it on loopback, and stops the app, whatever happens.
#   bench/load.sh [--db sqlite|postgres] [--pg "Host=...;Username=..."] [--minutes 10] [--users 50] [--think-ms 2000]
# With --db postgres and no --pg, a throw-away PostgreSQL 15 cluster is started (as scripts/test.sh does); with --pg, a
# new database with a unique name is created on that server and dropped at the end.
# Exits with the driver's code: non-zero on any error answer.
set -euo pipefail
cd "$(dirname "$0")/.."

db=sqlite pg="" driver_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --db) db="$2"; shift 2 ;;
        --pg) pg="$2"; shift 2 ;;
        --minutes|--users|--think-ms) driver_args+=("$1" "$2"); shift 2 ;;
        *) echo "Unknown option $1" >&2; exit 2 ;;
    esac
done
case "$db" in sqlite|postgres) ;; *) echo "--db is sqlite or postgres" >&2; exit 2 ;; esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export SUNGHIEP_ADMIN_EMAIL=load-admin@sunghiep.local SUNGHIEP_ADMIN_PASSWORD=Load-Passw0rd-2025

log() { printf '==> %s\n' "$*"; }

log "building (Release)"
dotnet build src/SuNghiep.Web -c Release -v q -nologo > /dev/null
dotnet build bench/SuNghiep.Load -c Release -v q -nologo > /dev/null

work=$(mktemp -d /tmp/sunghiep-load.XXXXXX)
app_pid="" pg_bin=/usr/lib/postgresql/15/bin pg_started=0 pg_server="" pg_name="" pg_dir=""
cleanup() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    if [ -n "$pg_name" ]; then
        psql "$(libpq "$pg_server")" -qc "DROP DATABASE IF EXISTS \"$pg_name\" WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    if [ "$pg_started" -eq 1 ]; then
        runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$work" ${pg_dir:+"$pg_dir"}
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# An ADO.NET connection string ("Host=h;Port=p;Username=u;Password=w;Database=d") as libpq key=value pairs for psql.
libpq() {
    echo "$1" | tr ';' '\n' | sed -E 's/^ *([^=]+)= *(.*)$/\1=\2/' | awk -F= '
        tolower($1)=="host"{print "host="$2} tolower($1)=="port"{print "port="$2}
        tolower($1)=="username"||tolower($1)=="user id"{print "user="$2} tolower($1)=="password"{print "password="$2}
        tolower($1)=="database"{print "dbname="$2}' | tr '\n' ' '
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p; while :; do p=$((20000 + RANDOM % 40000)); port_in_use "$p" || { echo "$p"; return; }; done; }

if [ "$db" = postgres ]; then
    if [ -z "$pg" ]; then
        # A folder of its own, owned by postgres: the work folder is root's alone.
        pg_dir=$(mktemp -d /tmp/sunghiep-load-pg.XXXXXX)
        chown postgres "$pg_dir"
        runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > "$pg_dir/initdb.log" 2>&1 \
            || { cat "$pg_dir/initdb.log" >&2; exit 1; }
        pg_port=$(free_port)
        runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 30 \
            -o "-h 127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off" start > /dev/null \
            || { cat "$pg_dir/server.log" >&2; exit 1; }
        pg_started=1
        pg="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
    fi
    pg_server="$pg"
    pg_name="sunghiep_load_$(date +%s)_$RANDOM"
    psql "$(libpq "$pg")" -qc "CREATE DATABASE \"$pg_name\" ENCODING 'UTF8' TEMPLATE template0" > /dev/null
    export Database__Provider=Postgres
    export ConnectionStrings__Default="$(echo "$pg" | sed -E 's/(^|;) *[Dd]atabase *=[^;]*//');Database=$pg_name"
    log "PostgreSQL database $pg_name"
fi

port=$(free_port)
url="http://127.0.0.1:$port"
log "starting the app on $url ($db, fresh database, demo province)"
root=$PWD
(cd "$work" && Logging__LogLevel__Default=Warning exec dotnet "$root/src/SuNghiep.Web/bin/Release/net10.0/sunghiep.dll" \
    --urls "$url" > "$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 600); do
    curl -fs "$url/healthz" > /dev/null 2>&1 && break
    kill -0 "$app_pid" 2>/dev/null || { echo "The app stopped:"; cat "$work/app.log"; exit 1; }
    sleep 0.5
done
curl -fs "$url/healthz" > /dev/null || { echo "The app did not become healthy in 5 minutes:"; tail -50 "$work/app.log"; exit 1; }

# Only what the app logs from now on counts: a fresh database's start logs the probe of a missing migrations table.
started_at=$(wc -l < "$work/app.log")
status=0
dotnet bench/SuNghiep.Load/bin/Release/net10.0/sunghiep-load.dll --url "$url" "${driver_args[@]}" || status=$?
if tail -n "+$((started_at + 1))" "$work/app.log" | grep -qE '^(fail|crit)'; then
    echo; echo "The app logged errors during the run:"
    tail -n "+$((started_at + 1))" "$work/app.log" | grep -E -A8 '^(fail|crit)' | head -80
    status=1
fi
exit "$status"
