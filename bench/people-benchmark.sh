#!/usr/bin/env bash
# People table benchmark (issue 11): 10M messages / 1M persons (bench/metrics-dataset.sql), the table computed
# once (time from the server log), then the latency of pages through the HTTP API: first and second page of
# every sort column both ways, the presets, the filters; then the whole export as CSV and NDJSON with the
# server's heap capped (-Xmx256m) to show it streams; first the refresh after a 100-row import into one account
# (INCREMENTAL=0 skips it; PAGES=0 stops after it). Usage: bench/people-benchmark.sh [messages]
set -euo pipefail
cd "$(dirname "$0")/.."
MESSAGES=${1:-10000000}
WORK=${BENCH_WORK:-$(mktemp -d /tmp/rapport-pbench.XXXX)}
PORT=${BENCH_PORT:-18199}
HEAP=${BENCH_HEAP:-256m}
# a token of its own: other benchmarks on the same machine must not reach this server
TOKEN=rpt_people-bench-$(date +%s%N)
[ -f target/rapport-0.1.0.jar ] || ./mvnw -q -B package -DskipTests

start_app() {
  RAPPORT_ROLLUPS_BACKGROUND=false RAPPORT_BOOTSTRAP_TOKEN=$TOKEN RAPPORT_DEMO=false RAPPORT_DATA_DIR="$WORK/data" \
    MICRONAUT_SERVER_PORT=$PORT java -Xmx$HEAP -jar target/rapport-0.1.0.jar >> "$WORK/app.log" 2>&1 &
  APP=$!
  until curl -sf "localhost:$PORT/health" > /dev/null; do sleep 1; done
  PG=$(grep -o 'Embedded PostgreSQL on 127.0.0.1:[0-9]*' "$WORK/app.log" | tail -1 | grep -o '[0-9]*$')
  export PGPASSWORD=$(sed -n 's/^superuser.password=//p' "$WORK/data/pgdata/rapport-credentials.properties")
}
stop_app() { kill $APP; wait $APP 2>/dev/null || true; }
trap 'kill $APP 2>/dev/null || true' EXIT
psql_() { psql -h localhost -p "$PG" -U postgres -d rapport -qAt "$@"; }
get() { curl -s -H "Authorization: Bearer $TOKEN" "localhost:$PORT$1"; }
ms() { curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -w '%{time_total}' "localhost:$PORT$1" | awk '{printf "%.0f", $1 * 1000}'; }

start_app
if [ "$(psql_ -c 'select count(*) from message')" = "0" ]; then
  echo "generating $MESSAGES messages…"
  psql_ -v messages="$MESSAGES" -f bench/metrics-dataset.sql > /dev/null
  psql_ -c 'vacuum analyze message'
fi
if [ "$(psql_ -c 'select count(*) from person_summary')" = "0" ]; then
  # the table is computed at start-up when it never was: forget the empty computation and start again
  psql_ -c 'delete from person_summary_state'
  stop_app
  mv "$WORK/app.log" "$WORK/app-before.log"
  start_app
  until grep -q 'People table recomputed' "$WORK/app.log"; do
    if grep -q 'people table could not be recomputed' "$WORK/app.log"; then echo "the computation failed: $WORK/app.log"; exit 1; fi
    sleep 5
  done
fi
echo "messages: $(psql_ -c 'select count(*) from message'), persons: $(psql_ -c "select count(*) from person_summary where scope = 'all'"), rows: $(psql_ -c 'select count(*) from person_summary')"
echo "computed in: $(psql_ -c 'select compute_ms from person_summary_state') ms"

# Incremental refresh: an import of 100 rows (25 threads of four: ask, answer, follow-up, answer) into one account,
# a day before the latest message (the as-of week stays), existing persons; the refresh's time from the server log.
if [ "${INCREMENTAL:-1}" = 1 ]; then
  day=$(psql_ -c "select to_char((max(created_at) - interval '1 day') at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24') from message")
  csv=$(awk -v day="$day" -v run="$(date +%s)" 'BEGIN {
    print "network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text"
    for (t = 0; t < 25; t++) {
      u = "u" (t * 7919 % 1000000); id = "inc" run "-" t "-"
      printf "x,acct3,%s0,%s,%s,false,mention,%s:%02d:00Z,,@acct3 is my order lost?\n", id, u, u, day, t
      printf "x,acct3,%s1,acct3,acct3,true,reply,%s:%02d:30Z,%s0,@%s we are looking\n", id, day, t, id, u
      printf "x,acct3,%s2,%s,%s,false,reply,%s:%02d:40Z,%s1,@acct3 thanks\n", id, u, u, day, t, id
      printf "x,acct3,%s3,acct3,acct3,true,reply,%s:%02d:50Z,%s2,@%s found it\n", id, day, t, id, u
    }}')
  before=$(grep -c 'People table recomputed (accounts' "$WORK/app.log" || true)
  curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/plain' --data-binary "$csv" \
    "localhost:$PORT/api/imports?format=messages" > /dev/null
  until [ "$(grep -c 'People table recomputed (accounts' "$WORK/app.log" || true)" -gt "$before" ]; do sleep 1; done
  echo "after a 100-row import into one account: $(grep 'People table recomputed (accounts' "$WORK/app.log" | tail -1 | grep -o 'in [0-9]* ms')"
fi
[ "${PAGES:-1}" = 1 ] || { stop_app; exit 0; }

echo "| page | first page (ms) | second page (ms) |"
echo "|---|---|---|"
page() {  # query → first and second page, each asked twice, the second time counted
  ms "/api/people?$1" > /dev/null
  first=$(ms "/api/people?$1")
  next=$(get "/api/people?$1" | jq -r '.next // empty')
  second=-
  if [ -n "$next" ]; then ms "/api/people?$1&after=$next" > /dev/null; second=$(ms "/api/people?$1&after=$next"); fi
  echo "| \`$1\` | $first | $second |"
}
for column in network handle author_id accounts first_seen last_seen active_weeks messages conversations inbound_turns \
    answered_turns median_response_minutes amplifications reactions tier tier_90_days_ago latest_nps waiting_since; do
  for dir in asc desc; do page "sort=$column&dir=$dir"; done
done
for preset in advocates drifting waiting new; do page "preset=$preset"; done
page "tier=advocate&sort=messages"
page "q=u4242&sort=messages"
page "q=u4242"
page "activeSince=2026-11-01&sort=conversations"
page "network=x&sort=handle&dir=asc"
page "accounts=x/acct3&sort=median_response_minutes"
page "accounts=x/acct3&preset=drifting&sort=messages"

for format in csv ndjson; do
  start=$(date +%s.%N)
  bytes=$(curl -s -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/people.$format" | wc -c)
  end=$(date +%s.%N)
  rss=$(ps -o rss= -p $APP)
  echo "export $format: $bytes bytes in $(echo "$end - $start" | bc) s; server heap cap $HEAP, RSS after: $((rss / 1024)) MB"
done
stop_app
