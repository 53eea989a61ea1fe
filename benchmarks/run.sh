#!/usr/bin/env bash
# Issue 14 benchmark: the app against a bare Kestrel endpoint, on PostgreSQL tiers, with wrk.
#
#   benchmarks/run.sh [tier ...]        tiers: demo a b c (default: demo a b); then the import benchmark (goal 3);
#                                       writes the tables into docs/benchmarks.md
#   benchmarks/run.sh --smoke           tier demo, 2-second runs, nothing written to docs (for CI; asserts no time)
#
# Environment: BENCH_DURATION (seconds per wrk run, default 10), BENCH_PG (Npgsql connection string without database,
# default Host=127.0.0.1;Port=56432;Username=postgres), BENCH_REUSE=1 (keep an existing bench_<tier> database instead of
# regenerating it), BENCH_IMPORTS=0 (leave out the import benchmark), BENCH_WARMUP (seconds each endpoint is loaded at 32 connections before any timing, default 10), BENCH_OUT (work folder, default /tmp/exemplars-bench), BENCH_KEEP_DB=1 (the smoke run keeps bench_demo;
# other runs always keep their databases: drop them with `DROP DATABASE bench_<tier>` when done).
#
# For each tier: benchmarks/Exemplars.TierGen fills database bench_<tier> (the app's own migrations and demo seed, then
# binary COPY); the app (Release) and benchmarks/Exemplars.Bare (Release, `dotnet new web`) run on loopback; every
# endpoint of the fixed list is first loaded at 32 connections (BENCH_WARMUP s each, all before any timing), then checked
# to answer 200, warmed up again (2 s at one connection), then timed by wrk at one
# connection (sequential: p50, p99; when fewer than 5 requests complete, three curl requests in a row give the median and
# the maximum instead) and at 32 connections (rps; skipped when p50 > 1 s). Re-running some tiers keeps the other tiers'
# rows in $OUT/results.tsv, so the table can be completed tier by tier. The bare endpoint is measured in each tier's run, just before the app's endpoints.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${BENCH_OUT:-/tmp/exemplars-bench}
DURATION=${BENCH_DURATION:-10}
WARMUP=2
WARM32=${BENCH_WARMUP:-10}
PG=${BENCH_PG:-"Host=127.0.0.1;Port=56432;Username=postgres"}
APP_PORT=${BENCH_APP_PORT:-5990}
BARE_PORT=${BENCH_BARE_PORT:-5991}
SEED_PORT=${BENCH_SEED_PORT:-5989}
SMOKE=0
TIERS=()
for arg in "$@"; do
  case "$arg" in
    --smoke) SMOKE=1 ;;
    demo|a|b|c) TIERS+=("$arg") ;;
    *) echo "unknown argument: $arg (tiers: demo a b c; --smoke)" >&2; exit 2 ;;
  esac
done
if [ "$SMOKE" = 1 ]; then
  TIERS=(demo); DURATION=${BENCH_DURATION:-2}; WARMUP=1; WARM32=${BENCH_WARMUP:-1}; OUT=${BENCH_OUT:-/tmp/exemplars-bench-smoke}
fi
[ ${#TIERS[@]} -gt 0 ] || TIERS=(demo a b)

PGHOST_=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$PG"); PGPORT_=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$PG"); PGUSER_=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$PG")
psql_() { psql -h "$PGHOST_" -p "${PGPORT_:-5432}" -U "${PGUSER_:-postgres}" -At "$@"; }

mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
# Rows of the tiers run now are replaced; rows of other tiers from an earlier run stay (delete results.tsv to start afresh).
touch "$RESULTS"
for tier in "${TIERS[@]}"; do awk -F'\t' -v t="$tier" '$1 != t' "$RESULTS" >"$RESULTS.tmp" && mv "$RESULTS.tmp" "$RESULTS"; done
log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }

command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y wrk >/dev/null; }

log "building (Release): bare endpoint, tier generator, app"
dotnet build "$ROOT/benchmarks/Exemplars.Bare" -c Release -v q -nologo -o "$OUT/bare" >/dev/null
dotnet build "$ROOT/benchmarks/Exemplars.TierGen" -c Release -v q -nologo -o "$OUT/tiergen" >/dev/null
dotnet build "$ROOT/src/Exemplars.Web" -c Release -v q -nologo -o "$OUT/app" >/dev/null

PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_for() { # url
  for _ in $(seq 1 240); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done
  log "no answer from $1"; return 1
}

(cd "$OUT/bare" && ASPNETCORE_URLS="http://127.0.0.1:$BARE_PORT" Logging__LogLevel__Default=Warning exec dotnet Exemplars.Bare.dll >"$OUT/bare.log" 2>&1) &
BARE_PID=$!; PIDS+=("$BARE_PID")
wait_for "http://127.0.0.1:$BARE_PORT/"

# wrk latency "1.23ms" / "850.00us" / "2.10s" -> milliseconds
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

# run_one <tier> <name> <url> [header]: sequential (1 connection) then 32 connections; appends a line to results.tsv.
# A signed-in endpoint (one with a header) is one whose answers the app keeps per user until a change (ADR 034): it is
# timed afresh (every request sends Cache-Control: no-cache, as a hard reload does, so the app does the whole work), and
# then once more at 32 connections as a repeated visit is answered (kept), in columns 8 and 9.
run_one() {
  local tier=$1 name=$2 url=$3 header=${4:-}
  local args=(--timeout 30s) status curl_headers=()
  [ -n "$header" ] && args+=(-H "$header" -H "Cache-Control: no-cache") && curl_headers=(-H "$header" -H "Cache-Control: no-cache")
  status=$(curl -s -o /dev/null -w '%{http_code}' "${curl_headers[@]}" "$url")
  if [ "$status" != 200 ]; then
    log "$tier $name: HTTP $status, skipped"; printf '%s\t%s\t%s\t\t\t\t\n' "$tier" "$name" "$status" >>"$RESULTS"; return
  fi
  local seq p50 p99 rps conc errors
  wrk -t1 -c1 -d"${WARMUP}s" "${args[@]}" "$url" >/dev/null # JIT, connection pools, caches
  seq=$(wrk -t1 -c1 -d"${DURATION}s" --latency "${args[@]}" "$url")
  printf '### %s %s (one connection, %s)\n%s\n' "$tier" "$name" "$(date -u +%H:%M:%S)" "$seq" >>"$OUT/wrk-$tier.log" # the raw output, to read an outlier
  if [ "$(awk '/requests in/ {print $1}' <<<"$seq")" -lt 5 ]; then
    # Slower than a fifth of the run: wrk has (almost) nothing to rank; time three requests one after another instead.
    local times=()
    for _ in 1 2 3; do times+=("$(curl -s -o /dev/null -w '%{time_total}' "${curl_headers[@]}" --max-time 120 "$url")"); done
    p50=$(printf '%s\n' "${times[@]}" | sort -g | awk 'NR == 2 {printf "%.2f", $1 * 1000}')
    p99=$(printf '%s\n' "${times[@]}" | sort -g | awk 'NR == 3 {printf "%.2f", $1 * 1000}')
  else
    p50=$(to_ms "$(awk '/^ +50%/ {print $2}' <<<"$seq")")
    p99=$(to_ms "$(awk '/^ +99%/ {print $2}' <<<"$seq")")
  fi
  if awk -v p="$p50" 'BEGIN { exit !(p > 1000) }'; then
    # More than a second each: 32 connections would only queue (and, for the bloc-wide suggestions, multiply memory).
    rps=""; errors="not run (p50 > 1 s)"
  else
    conc=$(wrk -t2 -c32 -d"${DURATION}s" "${args[@]}" "$url")
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$conc")
    errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$conc")
  fi
  local kept_rps="" kept_errors=""
  if [ -n "$header" ]; then
    local kept
    kept=$(wrk -t2 -c32 -d"${DURATION}s" --timeout 30s -H "$header" "$url")
    kept_rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$kept")
    kept_errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$kept")
  fi
  log "$tier $name: p50 ${p50} ms, p99 ${p99} ms, ${rps:-—} rps at 32 (${errors} errors)${kept_rps:+; kept: $kept_rps rps ($kept_errors errors)}"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tier" "$name" "$status" "$rps" "$p50" "$p99" "$errors" "$kept_rps" "$kept_errors" >>"$RESULTS"
}

sign_in_cookie() { # email -> "Cookie: ..." header through the real login form (antiforgery token included)
  local jar="$OUT/cookies-$1.txt" token
  rm -f "$jar"
  token=$(curl -s -c "$jar" "http://127.0.0.1:$APP_PORT/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -1)
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=Demo@2025-Khoi" \
    --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$APP_PORT/Account/Login")
  [ "$code" = 302 ] || { log "sign-in of $1 answered $code"; return 1; }
  echo "Cookie: $(awk -F'\t' 'NF >= 7 && $6 != "" {printf "%s%s=%s", sep, $6, $7; sep = "; "}' "$jar")"
}

for tier in "${TIERS[@]}"; do
  db="bench_$tier"
  if [ "${BENCH_REUSE:-0}" = 1 ] && [ "$(psql_ -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" = 1 ]; then
    log "tier $tier: reusing database $db"
  else
    log "tier $tier: generating database $db"
    dotnet "$OUT/tiergen/Exemplars.TierGen.dll" --tier "$tier" --app "$OUT/app/Exemplars.Web.dll" --port "$SEED_PORT" \
      --connection "$PG;Database=$db" | tee "$OUT/tiergen-$tier.log" >&2
  fi
  counts=$(psql_ -d "$db" -c "SELECT (SELECT count(*) FROM organizations WHERE \"Kind\" = 'Grassroots') || ' grassroots, ' || (SELECT count(*) FROM organizations) || ' organisations, ' || (SELECT count(*) FROM people) || ' people, ' || (SELECT count(*) FROM person_ratings) || ' ratings, ' || (SELECT count(*) FROM nominations) || ' nominations'")
  printf '%s\t#counts\t%s\t\t\t\t\n' "$tier" "$counts" >>"$RESULTS"

  (cd "$OUT/app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$APP_PORT" Database__Provider=Postgres \
    ConnectionStrings__Default="$PG;Database=$db" Demo__Enabled=false Logging__LogLevel__Default=Warning \
    exec dotnet Exemplars.Web.dll >"$OUT/app-$tier.log" 2>&1) &
  APP_PID=$!; PIDS+=("$APP_PID")
  wait_for "http://127.0.0.1:$APP_PORT/health"
  # The app rebuilds its kept suggestions (ADR 014) in the background after the generator's bulk load; time it.
  started=$(date +%s)
  until [ "$(psql_ -d "$db" -c "SELECT (SELECT count(*) FROM suggestion_marks) = 0 AND EXISTS (SELECT 1 FROM suggestion_state)")" = t ]; do sleep 2; done
  log "tier $tier: suggestions rebuilt by the app in $(( $(date +%s) - started )) s ($(psql_ -d "$db" -c "SELECT count(*) FROM suggestion_rows") rows)"
  printf '%s\t#suggestions\t%s\t\t\t\t\n' "$tier" "$(( $(date +%s) - started ))" >>"$RESULTS"

  base="http://127.0.0.1:$APP_PORT"
  token=$(curl -s -H 'Content-Type: application/json' -d '{"email":"tgdv@demo.vn","password":"Demo@2025-Khoi"}' "$base/api/v1/auth/login" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
  bearer="Authorization: Bearer $token"
  person=$(psql_ -d "$db" -c "SELECT \"Id\" FROM people WHERE \"Id\" >= (SELECT max(\"Id\") / 2 FROM people) ORDER BY \"Id\" LIMIT 1")

  names=(); urls=(); headers=()
  endpoint() { names+=("$1"); urls+=("$2"); headers+=("${3:-}"); }
  endpoint "bare Kestrel endpoint (\`dotnet new web\`)" "http://127.0.0.1:$BARE_PORT/"
  endpoint "\`/health/live\`" "$base/health/live"
  endpoint "\`/health\` (database check)" "$base/health"
  endpoint "\`GET /api/v1/people?page=1\` (secretariat)" "$base/api/v1/people?page=1" "$bearer"
  endpoint "people search by name (\`?search=nguyen van hung\`)" "$base/api/v1/people?search=nguyen%20van%20hung&page=1" "$bearer"
  endpoint "a person (\`GET /api/v1/people/{id}\`)" "$base/api/v1/people/$person" "$bearer"
  endpoint "a person's eligibility (\`GET /api/v1/people/{id}/eligibility?round=2026-2028\`)" "$base/api/v1/people/$person/eligibility?round=2026-2028" "$bearer"
  endpoint "\`GET /api/v1/organizations?page=1\`" "$base/api/v1/organizations?page=1" "$bearer"
  endpoint "\`/api/v1/dashboard/rounds/2021-2025\`" "$base/api/v1/dashboard/rounds/2021-2025" "$bearer"
  endpoint "nominations list (\`GET /api/v1/nominations?page=1\`)" "$base/api/v1/nominations?page=1" "$bearer"
  secretariat=$(sign_in_cookie tgdv@demo.vn)
  endpoint "nominations page (\`/Nominations\`, secretariat)" "$base/Nominations" "$secretariat"
  endpoint "home page: secretariat" "$base/" "$secretariat"
  for account in "admin@demo.vn|administrator" "btv1@demo.vn|standing committee" "coso1@demo.vn|grassroots clerk" "doankhoi@demo.vn|mass organisation clerk" "tinhuy@demo.vn|province viewer"; do
    endpoint "home page: ${account#*|}" "$base/" "$(sign_in_cookie "${account%|*}")"
  done
  endpoint "\`/Eligibility/Suggestions\` (secretariat, whole bloc)" "$base/Eligibility/Suggestions" "$secretariat"
  # A freshly started app serves its pages at a third of its later rate for about a minute (tiered JIT, pools, kept values):
  # every endpoint is first loaded at 32 connections for BENCH_WARMUP seconds, so the timings below measure warm code.
  for i in "${!names[@]}"; do
    warm_args=(--timeout 30s); [ -n "${headers[$i]}" ] && warm_args+=(-H "${headers[$i]}" -H "Cache-Control: no-cache")
    wrk -t2 -c32 -d"${WARM32}s" "${warm_args[@]}" "${urls[$i]}" >/dev/null 2>&1 || true
  done
  log "tier $tier: every endpoint warmed at 32 connections for ${WARM32} s"
  for i in "${!names[@]}"; do run_one "$tier" "${names[$i]}" "${urls[$i]}" "${headers[$i]}"; done

  peak=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status")
  printf '%s\t#memory\t%s\t\t\t\t\n' "$tier" "$peak" >>"$RESULTS"
  log "tier $tier: app peak memory (VmHWM) $peak MB"
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  if [ "${BENCH_KEEP_DB:-0}" != 1 ] && [ "$SMOKE" = 1 ]; then psql_ -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; fi
done

# Goal 3 in the same run: the rating import against the raw insert of the same rows, on both databases (BenchmarkDotNet,
# benchmarks/Exemplars.Benchmarks, about 8 minutes). BENCH_IMPORTS=0 leaves it out; the smoke run never runs it.
if [ "$SMOKE" = 0 ] && [ "${BENCH_IMPORTS:-1}" = 1 ]; then
  log "imports: RatingImportBenchmark on SQLite and PostgreSQL (BenchmarkDotNet)"
  rm -rf "$OUT/bdn"
  (cd "$ROOT" && EXEMPLARS_BENCH_PG="$PG;Database=postgres" dotnet run -c Release --project benchmarks/Exemplars.Benchmarks -- \
    --filter '*RatingImport*' --artifacts "$OUT/bdn") >"$OUT/imports.log" 2>&1 || { log "imports: the benchmark failed, see $OUT/imports.log"; exit 1; }
  awk -F'\t' '$1 != "#imports"' "$RESULTS" >"$RESULTS.tmp" && mv "$RESULTS.tmp" "$RESULTS"
  python3 "$ROOT/benchmarks/render.py" --imports "$OUT/bdn/results/Exemplars.Benchmarks.RatingImportBenchmark-report.csv" >>"$RESULTS"
  log "imports: $(awk -F'\t' '$1 == "#imports" {printf "%s %s of raw; ", $2, $6}' "$RESULTS")"
fi

TABLE="$OUT/table.md"
python3 "$ROOT/benchmarks/render.py" "$RESULTS" "$DURATION" "$(nproc)" >"$TABLE"
cat "$TABLE"
if [ "$SMOKE" = 0 ]; then
  python3 "$ROOT/benchmarks/render.py" --into "$ROOT/docs/benchmarks.md" "$TABLE"
  log "table written into docs/benchmarks.md"
fi
