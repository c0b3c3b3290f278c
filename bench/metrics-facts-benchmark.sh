#!/usr/bin/env bash
# Facts kept at import time (issue 9): what the triggers of migrations V10 and V12 (data versions, person days)
# cost a 1M-row native CSV import, measured against the same import with those triggers disabled, A B A B in
# one server; then, at -Xmx512m, the all-accounts dashboard's five requests cold and warm beside one sequential
# scan of the message table, and how fresh they are after a 100-row import into one account.
# Usage: bench/metrics-facts-benchmark.sh [rows] [runs] [results.md]   (needs psql; builds the jar if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
RUNS=${2:-2}
RESULTS=${3:-docs/benchmarks.md}
WORK=$(mktemp -d /tmp/rapport-fbench.XXXX)
PORT=8199
FROM=2025-01-06
TO=2025-12-29
[ -f target/rapport-0.1.0.jar ] || ./mvnw -q -B package -DskipTests

python3 bench/generate_messages.py "$ROWS" "$WORK/messages.csv"
python3 bench/generate_messages.py 20000 "$WORK/warmup.csv"
sed -i '2,$ s/^x,/warmup,/' "$WORK/warmup.csv"
TOKEN=rpt_benchmark-token-0123456789abcdef
RAPPORT_BOOTSTRAP_TOKEN=$TOKEN RAPPORT_DEMO=false RAPPORT_ROLLUPS_BACKGROUND=false RAPPORT_DATA_DIR="$WORK/data" \
  MICRONAUT_SERVER_PORT=$PORT java -Xmx512m -jar target/rapport-0.1.0.jar > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$WORK"' EXIT
until curl -sf "localhost:$PORT/health" > /dev/null; do sleep 1; done
PG=$(grep -o 'Embedded PostgreSQL on port [0-9]*' "$WORK/app.log" | grep -o '[0-9]*$')
psql_() { psql -h localhost -p "$PG" -U postgres -qAt "$@"; }
import_s() {
  local start; start=$(date +%s.%N)
  curl -sf -H "Authorization: Bearer $TOKEN" --data-binary @"$1" "localhost:$PORT/api/imports?format=messages" > /dev/null
  echo "$(date +%s.%N) - $start" | bc
}
# emptied and analysed, so that every import starts from the same planner figures (without the analyse, the
# import after a truncate spent 66-130 s instead of 6-8 s joining its batch to the stale-looking message table)
reset() {
  psql_ -c "truncate message, person, account, person_day, account_day, reply_day, message_fact, brand_reply, brand_post, voice_pending, account_change, account_data_version, person_summary, metric_rollup, rollup_state cascade" 2> /dev/null
  psql_ -c "analyze message, person, account, person_day, account_day, reply_day, message_fact, brand_reply, brand_post, voice_pending"
}
seconds() { curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -w '%{time_total}' "localhost:$PORT$1"; }

import_s "$WORK/warmup.csv" > /dev/null
rows=""
for run in $(seq 1 "$RUNS"); do
  reset
  with=$(import_s "$WORK/messages.csv")
  reset
  psql_ -c "alter table message disable trigger user"
  without=$(import_s "$WORK/messages.csv")
  psql_ -c "alter table message enable trigger user"
  rows="$rows| $run | $with | $without | $(echo "scale=2; $with / $without" | bc) |"$'\n'
  echo "run $run: with facts ${with}s, without ${without}s"
done
reset
import_s "$WORK/messages.csv" > /dev/null
person_days=$(psql_ -c "select count(*) from person_day")

Q="grain=week&from=$FROM&to=$TO"
views=""
for path in "/api/metrics?$Q" "/api/tiers?$Q" "/api/cohorts?$Q" "/api/response-times?$Q" "/api/nps-by-tier?$Q"; do
  cold=$(seconds "$path")
  total=0
  for i in $(seq 1 50); do total=$(echo "$total + $(seconds "$path")" | bc); done
  views="$views| \`${path%%\?*}\` | $cold | $(echo "scale=4; $total / 50" | bc) |"$'\n'
done
scan_ms=$(psql -h localhost -p "$PG" -U postgres -qAt -c '\timing on' -c "set max_parallel_workers_per_gather = 0" \
  -c "select count(*), sum(length(text)) from message" | grep -o 'Time: [0-9.]*' | tail -1 | grep -o '[0-9.]*')

# a small import into one account: that account's and the all-accounts figures move, the others' stay cached
before_other=$(seconds "/api/tiers?$Q&accounts=x/acct5")
head -1 "$WORK/messages.csv" > "$WORK/small.csv"
for i in $(seq 1 100); do echo "x,acct3,late$i,u$i,u$i,false,mention,2025-06-02T10:00:00Z,,@acct3 one more"; done >> "$WORK/small.csv"
small=$(import_s "$WORK/small.csv")
after_all=$(seconds "/api/tiers?$Q")
after_other=$(seconds "/api/tiers?$Q&accounts=x/acct5")
heap=$(grep -c 'OutOfMemoryError' "$WORK/app.log" || true)

cat >> "$RESULTS" <<MD

### Person-day facts, $(date -u +%Y-%m-%d) — $ROWS native CSV rows, 10 accounts, 100k persons, $(nproc) cores, server at -Xmx512m

\`bench/metrics-facts-benchmark.sh $ROWS $RUNS\`. Import over HTTP with the triggers that keep data versions and
person days, against the same import with them disabled (\`alter table message disable trigger user\`), on the
same server, the tables emptied before each:

| run | import with facts (s) | without (s) | ratio |
|---|---|---|---|
$rows
Person-day rows after the import: $person_days. All-accounts requests, 52 weeks ($FROM to $TO), first (cold, just
after the import) and mean of 50 (warm):

| request | cold (s) | warm (s) |
|---|---|---|
$views
One sequential scan of \`message\` (count and text length, no parallel workers): $(echo "scale=3; $scan_ms / 1000" | bc) s.
acct5's tiers: first request $before_other s. A 100-row import into acct3 then took $small s; after it, the
all-accounts tiers (recomputed, the import included) $after_all s, acct5's tiers (kept in cache) $after_other s. OutOfMemoryError lines in the server log: $heap.
MD
echo "done: $WORK"
