#!/usr/bin/env bash
# Dashboard benchmark (issue 9): the whole dashboard (its five requests: 22 metrics × 52 weeks, tiers and flows,
# cohorts, response-time buckets, NPS by tier) for all accounts, three accounts and one account, with the server
# held to -Xmx512m and the embedded PostgreSQL as shipped, over bench/metrics-dataset.sql (10 accounts, up to 1M
# persons, N messages). In one run, alternating: the dashboard cold (the scope's data versions moved first, as a
# change of unknown reach moves them, and a 52-week range not asked before: nothing cached is current or kept, no
# rollup is used) and one
# sequential scan of the message table (psql). Then the warm dashboard
# (median and p99 per request), and freshness: a 100-row import into one account, then the five all-accounts
# requests, timed from the import's response until the last one answered, checked to include the new rows.
# Usage: bench/dashboard-benchmark.sh [messages] [runs] [results.md]   (BENCH_WORK=dir keeps the data between runs;
# BENCH_WARM_ONLY=1 runs the warm rounds alone,
# printed, nothing appended: for comparing two jars (BENCH_JAR) side by side on the same data; BENCH_JAVA_OPTS
# adds JVM options, e.g. a flight recording)
set -euo pipefail
cd "$(dirname "$0")/.."
MESSAGES=${1:-1000000}
RUNS=${2:-3}
RESULTS=${3:-docs/benchmarks.md}
WORK=${BENCH_WORK:-$(mktemp -d /tmp/rapport-dbench.XXXX)}
mkdir -p "$WORK"
PORT=${BENCH_PORT:-18197}
TOKEN=rpt_dashboard-bench-$(date +%s%N)
FIRST=2025-11-24
STAMP=$(date +%s)
JAR=${BENCH_JAR:-target/rapport-0.1.0.jar}
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests

start_app() {
  # the rollups and the people table are refreshed in the background after a change: off, so that what is
  # measured is the dashboard computing from the facts, alone on the machine
  RAPPORT_ROLLUPS_BACKGROUND=false RAPPORT_PEOPLE_BACKGROUND=false RAPPORT_BOOTSTRAP_TOKEN=$TOKEN RAPPORT_DEMO=false \
    RAPPORT_DATA_DIR="$WORK/data" MICRONAUT_SERVER_PORT=$PORT java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "$JAR" >> "$WORK/app.log" 2>&1 &
  APP=$!
  until curl -sf "localhost:$PORT/health" > /dev/null; do sleep 1; done
  PG=$(grep -o 'Embedded PostgreSQL on 127.0.0.1:[0-9]*' "$WORK/app.log" | tail -1 | grep -o '[0-9]*$')
  export PGPASSWORD=$(sed -n 's/^superuser.password=//p' "$WORK/data/pgdata/rapport-credentials.properties")
}
trap 'kill $APP 2>/dev/null || true' EXIT
psql_() { psql -h localhost -p "$PG" -U postgres -d rapport -qAt "$@"; }
timed_sql_s() { psql_ -c '\timing on' -c "$1" | grep -o 'Time: [0-9.]*' | tail -1 | awk '{printf "%.3f", $2 / 1000}'; }
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

start_app
if [ "$(psql_ -c 'select count(*) from message')" = "0" ]; then
  echo "generating $MESSAGES messages…"
  started=$(date +%s)
  psql_ -v messages="$MESSAGES" -f bench/metrics-dataset.sql > /dev/null
  psql_ -c 'vacuum analyze'
  echo "generated, facts derived by the triggers, in $(( $(date +%s) - started )) s"
fi
# the brand-voice facts are derived in Java after a change (here: the backfill of the generated rows)
started=$(date +%s)
until [ "$(psql_ -c 'select count(*) from voice_pending')" = "0" ]; do sleep 2; done
echo "brand-voice facts current after $(( $(date +%s) - started )) s of waiting"
TOTAL=$(psql_ -c 'select count(*) from message')
PERSONS=$(psql_ -c 'select count(distinct person_id) from message where person_id is not null')
SCAN="set enable_indexscan = off; set enable_bitmapscan = off; select count(*), sum(length(text)) from message"
timed_sql_s "$SCAN" > /dev/null   # the table in the page cache, as the dashboard finds it

warm_rounds() {
  # the range the dashboard opens on, asked once cold, then 200 rounds; then 200 more after 1000 unmeasured
  # ones (a JVM that has compiled the warm path, as a server running for a while)
  python3 bench/dashboard_requests.py "$PORT" "$TOKEN" all "$FIRST" cold > /dev/null
  echo "first 200 rounds (load $(cut -d' ' -f1-3 /proc/loadavg)):"
  python3 bench/dashboard_requests.py "$PORT" "$TOKEN" all "$FIRST" warm 200
  echo "200 rounds after 1000 more (load $(cut -d' ' -f1-3 /proc/loadavg)):"
  python3 bench/dashboard_requests.py "$PORT" "$TOKEN" all "$FIRST" warm 200 1000
}
if [ -n "${BENCH_WARM_ONLY:-}" ]; then
  warm_rounds
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi

declare -A SCOPES=([all]=all [three]=x/acct0,x/acct1,x/acct2 [one]=x/acct0)
declare -A HANDLES=([all]="'acct0','acct1','acct2','acct3','acct4','acct5','acct6','acct7','acct8','acct9'" [three]="'acct0','acct1','acct2'" [one]="'acct0'")
rows=""
run_offset=1
for scope in all three one; do
  colds=""; scans=""; ratios=""
  for run in $(seq 1 "$RUNS"); do
    # a range shifted by whole weeks, never asked before: every figure computed afresh
    first=$(date -d "$FIRST - $((run_offset * 7)) days" +%F); run_offset=$((run_offset + 1))
    # as a change whose reach is unknown (V63 logs it from the beginning): no period of the scope is kept
    psql_ -c "select bump_account_versions(array(select id from account where handle in (${HANDLES[$scope]})))" > /dev/null
    cold=$(python3 bench/dashboard_requests.py "$PORT" "$TOKEN" "${SCOPES[$scope]}" "$first" cold)
    scan=$(timed_sql_s "$SCAN")
    colds="$colds $cold"; scans="$scans $scan"
    ratios="$ratios $(echo "scale=3; $cold / $scan" | bc)"
    echo "$scope run $run: dashboard cold ${cold}s, scan ${scan}s"
  done
  rows="$rows| $scope (${SCOPES[$scope]}) | $colds | $scans | $(echo $colds | tr ' ' '\n' | median) | $(echo $scans | tr ' ' '\n' | median) | $(echo $ratios | tr ' ' '\n' | median) |"$'\n'
done

warm=$(warm_rounds)
echo "$warm"

# freshness: 100 new messages of new persons into acct3, dated in the last week of the range
last_week=$(date -d "$FIRST + 51 weeks" +%F)
{
  echo "network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text"
  for i in $(seq 1 100); do echo "x,acct3,fresh-$STAMP-$i,fresh-$STAMP-$i,f$i,false,mention,${last_week}T12:00:00Z,,@acct3 hello $i"; done
} > "$WORK/fresh.csv"
active_of() { curl -sf -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/metrics?grain=week&from=$FIRST&to=$last_week&metrics=active_interactors" \
  | python3 -c 'import json,sys; s=json.load(sys.stdin)["series"][0]["points"]; print(int(s[-1]["value"] or 0))'; }
before=$(active_of)
curl -sf -H "Authorization: Bearer $TOKEN" --data-binary @"$WORK/fresh.csv" "localhost:$PORT/api/imports?format=messages" > /dev/null
fresh=$(python3 bench/dashboard_requests.py "$PORT" "$TOKEN" all "$FIRST" cold)
after=$(active_of)
echo "after a 100-row import: all five all-accounts requests answered in ${fresh}s; last week's active people $before → $after"
heap_peak=$(grep VmHWM /proc/$APP/status | awk '{print $2 / 1024 " MB"}')
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)

cat >> "$RESULTS" <<MD

### Dashboard, $(date -u +%Y-%m-%d) — $TOTAL messages, $PERSONS persons, 10 accounts, code of commit $commit, -Xmx512m, $(nproc) cores

Five requests (metrics 22 × 52 weeks, tiers and flows, cohorts, response-time buckets, NPS by tier), each run after
moving the scope's data versions and on a 52-week range not asked before (nothing cached, rollups off), alternating with one sequential scan of \`message\`
(\`count(*), sum(length(text))\`, index scans off) in the same server. Seconds; ratio = cold / scan, pair by pair.

| scope | dashboard cold, each run | scan, each run | cold median | scan median | ratio median |
|---|---|---|---|---|---|
$rows
Warm (rounds of the same five requests over one kept-alive connection; 1-minute load averages, 2 cores):

\`\`\`
$warm
\`\`\`

After a 100-row import into acct3: the five all-accounts requests answered ${fresh} s after the import's response
(last week's active people $before → $after). Server process peak resident memory: $heap_peak.
MD
