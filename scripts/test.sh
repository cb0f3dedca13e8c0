#!/usr/bin/env bash
# The whole test suite, as CI runs it: builds every project of SuNghiep.slnx (the benchmarks too), then runs every test
# project, the data tests on both SQLite and a throw-away PostgreSQL 15. Ends with one line "N passed, N failed,
# N skipped" summed from the TRX reports, and exits non-zero if the build failed, a test failed, a project left no
# report, or no test ran. Runs as root or as a normal user (sudo only for the Debian packages, if any are missing).
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="artifacts/test-results"
# Written by OpenApiContractTests: the document the app serves, linted after the tests.
openapi="artifacts/openapi"
pg_bin="/usr/lib/postgresql/15/bin"

log() { printf '==> %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

apt_install() {
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get install -y --no-install-recommends "$@" \
        || { as_root apt-get update && as_root apt-get install -y --no-install-recommends "$@"; }
}

# --- Debian packages: Chromium, its fonts and its Vietnamese locale (dates in inputs read dd/mm/yyyy) for the browser
# tests, LibreOffice for the office tests, PostgreSQL 15 for the data tests ---
if [ ! -x /usr/bin/chromium ]; then
    log "installing chromium and fonts-dejavu-core"
    apt_install chromium fonts-dejavu-core
fi
if [ ! -f /usr/lib/chromium/locales/vi.pak ]; then
    log "installing chromium-l10n"
    apt_install chromium-l10n
fi
# LibreOffice and poppler for the office tests (each generated .docx and .xlsx is printed to PDF and read back), with
# Liberation Serif, metrically the same as Times New Roman, so that pages break where Word breaks them.
office_packages=()
command -v soffice >/dev/null || office_packages+=(libreoffice-writer-nogui libreoffice-calc-nogui)
[ -d /usr/lib/libreoffice/program ] && [ ! -e /usr/lib/libreoffice/program/libsclo.so ] && office_packages+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null && command -v pdftotext >/dev/null || office_packages+=(poppler-utils)
[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || office_packages+=(fonts-liberation2)
if [ "${#office_packages[@]}" -gt 0 ]; then
    log "installing ${office_packages[*]}"
    apt_install "${office_packages[@]}"
fi
if ! command -v npm >/dev/null; then
    log "installing nodejs and npm (for Redocly's OpenAPI linter)"
    apt_install nodejs npm
fi
if [ ! -x "$pg_bin/initdb" ]; then
    log "installing postgresql-15"
    apt_install postgresql-15
fi

# --- The whole solution, built once: a compile error anywhere (bench/ included) fails here, before any test runs ---
configuration="Debug"
log "building SuNghiep.slnx ($configuration)"
build_log="$(mktemp /tmp/sunghiep-build.XXXXXX)"
if ! dotnet build SuNghiep.slnx -c "$configuration" -v q -nologo >"$build_log" 2>&1; then
    cat "$build_log"
    # Each error once (MSBuild repeats them in its summary), without the project that follows it.
    errors="$(grep -E ': error [A-Z]*[0-9]+' "$build_log" | sed -E 's/^ +//; s/ \[[^]]*\]$//' | sort -u || true)"
    echo
    echo "Build failed: SuNghiep.slnx does not compile, so no test ran. $(printf '%s\n' "$errors" | grep -c . || true) error(s):"
    printf '%s\n' "$errors" | sed 's/^/  /'
    rm -f "$build_log"
    echo "0 passed, 0 failed, 0 skipped"
    exit 1
fi
rm -f "$build_log"

# --- A throw-away PostgreSQL cluster on a free loopback port, stopped on exit whatever happens ---
# As root the cluster belongs to the postgres account (initdb refuses to run as root); otherwise to the invoking user.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
pg_dir="$(mktemp -d /tmp/sunghiep-pg.XXXXXX)"
pg_started=0
cleanup() {
    if [ "$pg_started" -eq 1 ]; then
        as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$pg_dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_dir"; fi
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log"; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" && continue
    if as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 30 \
        -o "-h 127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null; then
        pg_started=1
        break
    fi
done
if [ "$pg_started" -ne 1 ]; then
    echo "PostgreSQL 15 did not start:" >&2
    cat "$pg_dir/server.log" >&2 || true
    exit 1
fi
export SUNGHIEP_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
log "PostgreSQL 15 on 127.0.0.1:$port"

# --- The tests: one TRX report per project ---
rm -rf "$results" "$openapi"
mkdir -p "$results"
# In the background, so that an interrupt reaches the trap at once and stops the run and its test hosts.
kill_tree() {
    local child
    for child in $(pgrep -P "$1" 2>/dev/null || true); do kill_tree "$child"; done
    kill -TERM "$1" 2>/dev/null || true
}
dotnet test --solution SuNghiep.slnx -c "$configuration" --no-build --no-progress --results-directory "$results" --report-trx &
test_pid=$!
trap 'kill_tree "$test_pid"; exit 130' INT
trap 'kill_tree "$test_pid"; exit 143' TERM
status=0
wait "$test_pid" || status=$?

# --- Counts from the TRX reports ---
counter() { sed -n "s/.*<Counters [^>]* $2=\"\([0-9]*\)\".*/\1/p" "$1" | head -n 1; }
passed=0 failed=0 skipped=0 missing=0
echo
echo "Results per project (from $results):"
for project in $(sed -n 's|.*<Project Path="\(tests/[^"]*\)\.csproj".*|\1|p' SuNghiep.slnx); do
    name="$(basename "$project")"
    trx="$(ls "$results/$name"_*.trx 2>/dev/null | head -n 1 || true)"
    if [ -z "$trx" ]; then
        printf '  %-28s no report: the project did not build or its test host stopped early\n' "$name"
        missing=$((missing + 1))
        continue
    fi
    p=$(counter "$trx" passed)
    f=$(( $(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted) ))
    s=$(counter "$trx" notExecuted)
    printf '  %-28s total %4d   passed %4d   failed %4d   skipped %4d\n' "$name" $((p + f + s)) "$p" "$f" "$s"
    passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done

# --- The OpenAPI contract: Redocly's linter with its recommended rules, pinned in tools/redocly (package-lock.json) ---
echo
lint_status=0
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
if ! ls "$openapi"/v1.*.json >/dev/null 2>&1; then
    echo "OpenAPI lint: no document in $openapi (OpenApiContractTests did not run)."
    lint_status=1
else
    if [ ! -x tools/redocly/node_modules/.bin/redocly ]; then
        log "installing @redocly/cli into tools/redocly"
        (cd tools/redocly && npm ci --no-audit --no-fund --silent) || lint_status=1
    fi
    for document in "$openapi"/v1.*.json; do
        log "redocly lint --extends recommended $document"
        lint_log="$(mktemp /tmp/sunghiep-lint.XXXXXX)"
        tools/redocly/node_modules/.bin/redocly lint --extends recommended --format stylish "$document" >"$lint_log" 2>&1 || lint_status=1
        # Without the linter's banner about Node.js versions.
        grep -v '^ *[║╔╚]' "$lint_log" | grep -v '^ *$' || true
        rm -f "$lint_log"
    done
fi
[ "$lint_status" -ne 0 ] && echo "OpenAPI lint failed: see the errors above."

exit_code=0
if [ "$lint_status" -ne 0 ]; then
    exit_code=1
fi
if [ "$failed" -gt 0 ] || [ "$missing" -gt 0 ] || [ "$status" -ne 0 ]; then
    [ "$status" -ne 0 ] && echo "dotnet test exited with code $status."
    exit_code=1
fi
if [ $((passed + failed)) -eq 0 ]; then
    echo "No test ran."
    exit_code=1
fi
# The failed tests last, with the first line of each message, so that the end of the log names them.
if [ "$failed" -gt 0 ]; then
    echo "Failed tests:"
    python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for trx in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    for r in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", ns):
        if r.get("outcome") in ("Failed", "Error", "Timeout", "Aborted"):
            message = r.findtext(".//t:Message", "", ns).strip().splitlines()
            print("  " + r.get("testName", "?") + ": " + (message[0][:300] if message else ""))
PY
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$exit_code"
