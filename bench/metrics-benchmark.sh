#!/usr/bin/env bash
# Metrics benchmark (issue 3): all metrics, 52 weeks, one account, over 10M messages / 1M persons.
# Cold (first request for the scope, JVM warm) and warm (cached) latency through the HTTP API, compared in
# the same run with a sequential scan of that account's rows and with analyst-style SQL, one query per
# metric (bench/analyst-sql/). Usage: bench/metrics-benchmark.sh [messages] [results.md]
set -euo pipefail
cd "$(dirname "$0")/.."
MESSAGES=${1:-10000000}
RESULTS=${2:-docs/benchmarks.md}
WORK=${BENCH_WORK:-$(mktemp -d /tmp/rapport-mbench.XXXX)}
PORT=8198
FROM=2025-11-24
TO=2026-11-16
ACCOUNT=acct3
[ -f target/rapport-0.1.0.jar ] || ./mvnw -q -B package -DskipTests

TOKEN=rpt_benchmark-token-0123456789abcdef
start_app() {  # RAPPORT_ROLLUPS_BACKGROUND=false in the environment keeps the rollups as they are
  RAPPORT_BOOTSTRAP_TOKEN=$TOKEN RAPPORT_DEMO=false RAPPORT_DATA_DIR="$WORK/data" MICRONAUT_SERVER_PORT=$PORT \
    java -Xmx6g -jar target/rapport-0.1.0.jar > "$WORK/app.log" 2>&1 &
  APP=$!
  until curl -sf "localhost:$PORT/health" > /dev/null; do sleep 1; done
  PG=$(grep -o 'Embedded PostgreSQL on port [0-9]*' "$WORK/app.log" | tail -1 | grep -o '[0-9]*$')
}
stop_app() { kill $APP; wait $APP 2>/dev/null || true; }
trap 'kill $APP 2>/dev/null || true' EXIT
psql_() { psql -h localhost -p "$PG" -U postgres -qAt "$@"; }
seconds() { curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -w '%{time_total}' "$1"; }

start_app
if [ "$(psql_ -c 'select count(*) from message')" = "0" ]; then
  echo "generating $MESSAGES messages…"
  psql_ -v messages="$MESSAGES" -f bench/metrics-dataset.sql > /dev/null
fi
ACCOUNT_ID=$(psql_ -c "select id from account where handle = '$ACCOUNT'")
ROWS=$(psql_ -c "select count(*) from message where account_id = $ACCOUNT_ID")
TOTAL=$(psql_ -c "select count(*) from message")
URL="localhost:$PORT/api/metrics?grain=week&from=$FROM&to=$TO&accounts=x/$ACCOUNT"

# rollups are computed in the background after start-up and imports: wait until every account's are current
until grep -q 'rollups current' "$WORK/app.log"; do sleep 2; done
rollup_compute_s=$(psql_ -c "select round(max(compute_ms) / 1000.0, 1) from rollup_state where scope = '$ACCOUNT_ID'")
rollups_all_s=$(psql_ -c "select round(extract(epoch from max(computed_at) - min(computed_at))::numeric, 1) from rollup_state")

# cold: a new JVM (nothing in memory), its JIT warmed by 200 requests for other accounts, so that neither
# the JIT nor the first connection is what is measured
warm_jvm() { for i in $(seq 1 100); do for other in acct1 acct2; do curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/metrics?grain=week&from=$FROM&to=$TO&accounts=x/$other"; done; done; }
stop_app; start_app; until grep -q "rollups current" "$WORK/app.log"; do sleep 1; done; warm_jvm
cold=$(seconds "$URL")
warm_total=0
for i in $(seq 1 200); do warm_total=$(echo "$warm_total + $(seconds "$URL")" | bc); done
warm=$(echo "scale=6; $warm_total / 200" | bc)

# cold without a current rollup (as right after an import, before the refresh is done): computed from the facts
echo "cold ${cold}s, warm ${warm}s"
VERSIONS=$(psql_ -c "select data_versions from rollup_state where scope = '$ACCOUNT_ID' limit 1")
psql_ -c "update rollup_state set data_versions = 'stale' where scope = '$ACCOUNT_ID'"
stop_app
RAPPORT_ROLLUPS_BACKGROUND=false start_app; warm_jvm
cold_live=$(seconds "$URL")
echo "cold without a rollup ${cold_live}s"
# the data did not change: the rollup is current again
psql_ -c "update rollup_state set data_versions = '$VERSIONS' where scope = '$ACCOUNT_ID'"

# a sequential scan of the account's rows, both ways PostgreSQL can read them
timed_sql() { psql -h localhost -p "$PG" -U postgres -qAt -c '\timing on' -c "$1" | grep -o 'Time: [0-9.]*' | tail -1 | grep -o '[0-9.]*'; }
scan_all=$(timed_sql "set enable_indexscan = off; set enable_bitmapscan = off; select count(*), sum(length(text)) from message where account_id = $ACCOUNT_ID")
scan_account=$(timed_sql "set enable_seqscan = off; select count(*), sum(length(text)) from message where account_id = $ACCOUNT_ID")

# analyst-style SQL, one query per metric
analyst_total=0
analyst_rows=""
LIMIT_S=${ANALYST_TIMEOUT_S:-300}
analyst_count=0
for f in $(ls bench/analyst-sql/*.sql 2>/dev/null); do
  start=$(date +%s.%N)
  if PGOPTIONS="-c statement_timeout=${LIMIT_S}s" psql -h localhost -p "$PG" -U postgres -qAt -v ON_ERROR_STOP=1 \
      -v account_id="$ACCOUNT_ID" -v from="$FROM" -v to="$TO" -f "$f" > /dev/null 2>&1; then
    s=$(echo "$(date +%s.%N) - $start" | bc); shown=$s
  else
    s=$LIMIT_S; shown="> $LIMIT_S (stopped)"
  fi
  analyst_total=$(echo "$analyst_total + $s" | bc)
  analyst_count=$((analyst_count + 1))
  analyst_rows="$analyst_rows| $(basename "$f" .sql) | $shown |"$'\n'
done
stop_app

cat >> "$RESULTS" <<MD

### Metrics, $(date -u +%Y-%m-%d) — all 22 metrics × 52 weeks, one account ($ROWS of $TOTAL messages, 1,000,000 persons), $(nproc) cores

| what | seconds |
|---|---|
| Rapport, cold (first request for this account in a new JVM; served from its rollup) | $cold |
| Rapport, cold without a current rollup (aggregated from the facts kept at import time) | $cold_live |
| Rapport, warm (mean of 200 requests after the cold one, HTTP and token check included) | $warm |
| sequential scan of the whole table, filtered to the account | $(echo "scale=3; $scan_all / 1000" | bc) |
| index scan reading just the account's rows | $(echo "scale=3; $scan_account / 1000" | bc) |
| rollup refresh of this account (both grains, in the background after an import) | $rollup_compute_s |
| analyst SQL, one query per metric, the $analyst_count of bench/analyst-sql/ in sequence (a stopped query counts its limit) | $analyst_total |

Cold / full sequential scan: $(echo "scale=3; $cold * 1000 / $scan_all" | bc)×; cold / account-rows scan: $(echo "scale=3; $cold * 1000 / $scan_account" | bc)×;
cold without a rollup / full sequential scan: $(echo "scale=2; $cold_live * 1000 / $scan_all" | bc)×;
analyst SQL / Rapport cold: $(echo "scale=1; $analyst_total / $cold" | bc)×; analyst SQL / Rapport warm: $(echo "scale=0; $analyst_total / $warm" | bc)×.

<details><summary>Analyst SQL per metric (seconds)</summary>

| metric | seconds |
|---|---|
$analyst_rows
</details>
MD
echo "cold ${cold}s (no rollup ${cold_live}s) warm ${warm}s scan ${scan_all}ms / ${scan_account}ms analyst ${analyst_total}s"
