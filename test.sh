#!/usr/bin/env bash
# Runs every test on a fresh Debian machine with the .NET 10 SDK, as root:
# installs what is missing, starts a throwaway PostgreSQL on 127.0.0.1, runs the tests, stops it.
# The last line is "N passed, N failed", summed from the TRX counters.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
RESULTS="$ROOT/TestResults"

# --- 1. Debian packages -------------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# Vietnamese browser chrome (file-picker button, native date inputs dd/mm/yyyy) for the screenshots people review.
dpkg -s chromium-l10n >/dev/null 2>&1 || missing+=(chromium-l10n)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
dpkg -s fonts-liberation2 >/dev/null 2>&1 || missing+=(fonts-liberation2)
dpkg -s fonts-noto-core >/dev/null 2>&1 || missing+=(fonts-noto-core)
# The reverse-proxy test runs the README's nginx site file in front of the app (ReverseProxyTests).
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- 2. Throwaway PostgreSQL --------------------------------------------------------------------
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGDATA=$(mktemp -d /tmp/exemplars-pg.XXXXXX)
chown postgres:postgres "$PGDATA"
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PGPORT=55432
while port_busy "$PGPORT"; do PGPORT=$((PGPORT + 1)); done
cleanup() {
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
}
trap cleanup EXIT
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
  || runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust --encoding=UTF8 --locale=C >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
echo "test.sh: PostgreSQL $(basename "$(dirname "$PGBIN")") on 127.0.0.1:$PGPORT"

export EXEMPLARS_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
export PLAYWRIGHT_CHROMIUM_EXECUTABLE=/usr/bin/chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- 3. Build and test --------------------------------------------------------------------------
rm -rf "$RESULTS"
dotnet tool restore >/dev/null
dotnet build Exemplars.slnx -c Release -nologo -v q
status=0
# The domain rules first (seconds); then the browser suite and the integration suite side by side: each spends much of
# its time waiting (on Chromium's renderers, on PostgreSQL, on LibreOffice), so together they fit CI's two cores in far
# less than one after the other. Each writes its own TRX; the browser suite's waits allow for the shared machine.
run_tests() { dotnet test "tests/$1/$1.csproj" -c Release --no-build --logger "trx;LogFileName=$1.trx" --results-directory "$RESULTS"; }
run_tests Exemplars.Domain.Tests || status=$?
run_tests Exemplars.E2E > "$RESULTS.e2e.log" 2>&1 &
e2e=$!
run_tests Exemplars.Web.Tests || status=$?
wait "$e2e" || status=$?
cat "$RESULTS.e2e.log"
rm -f "$RESULTS.e2e.log"

# --- 4. Summary from the TRX counters -----------------------------------------------------------
read -r passed failed < <(python3 - "$RESULTS" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = 0
files = glob.glob(sys.argv[1] + "/**/*.trx", recursive=True)
for f in files:
    c = ET.parse(f).getroot().find("{*}ResultSummary/{*}Counters")
    passed += int(c.get("passed", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
print(passed, failed if files else 1)
PY
)
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
