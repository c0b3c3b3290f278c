#!/usr/bin/env bash
# What keeping the thread facts (migrations V60, V62) costs an import: the same native CSV imported with their
# triggers on, then on a fresh server with them disabled, side by side in one run. Each server is warmed by a
# 20,000-row import of another network; then ROWS rows (a bulk import), then 10,000 more (a normal import).
# Usage: bench/thread-facts-benchmark.sh [rows]   (needs psql; builds the jar if missing)
# BENCH_JARS="a.jar b.jar" times the facts-on import of each jar in turn, BENCH_ROUNDS times (A/B of two builds'
# triggers, alternating in one run); the facts-off run uses the first jar.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-200000}
WORK=$(mktemp -d /tmp/rapport-bench.XXXX)
PORT=8198
[ -n "${BENCH_JARS:-}" ] || [ -f target/rapport-0.1.0.jar ] || ./mvnw -q -B package -DskipTests
read -r -a JARS <<< "${BENCH_JARS:-target/rapport-0.1.0.jar}"
ROUNDS=${BENCH_ROUNDS:-1}
TOKEN=rpt_benchmark-token-0123456789abcdef

python3 bench/generate_messages.py "$ROWS" "$WORK/messages.csv"
python3 bench/generate_messages.py 20000 "$WORK/warmup.csv"
sed -i '2,$ s/^x,/warmup,/' "$WORK/warmup.csv"
python3 bench/generate_messages.py 10000 "$WORK/more.csv"
sed -i '2,$ s/^x,/more,/' "$WORK/more.csv"

timed_import() {
  local start
  start=$(date +%s.%N)
  curl -sf -H "Authorization: Bearer $TOKEN" --data-binary @"$1" "localhost:$PORT/api/imports?format=messages" > /dev/null
  echo "$(date +%s.%N) - $start" | bc
}

run() {
  local mode=$1 jar=$2 data="$WORK/data-$1-$RANDOM" app pg
  RAPPORT_BOOTSTRAP_TOKEN=$TOKEN RAPPORT_DEMO=false RAPPORT_DATA_DIR="$data" MICRONAUT_SERVER_PORT=$PORT \
    java -jar "$jar" > "$WORK/app-$mode.log" 2>&1 &
  app=$!
  until curl -sf "localhost:$PORT/health" > /dev/null; do sleep 1; done
  pg=$(grep -o 'Embedded PostgreSQL on 127.0.0.1:[0-9]*' "$WORK/app-$mode.log" | grep -o '[0-9]*$')
  if [ "$mode" = off ]; then
    PGPASSWORD=$(sed -n 's/^superuser.password=//p' "$data/pgdata/rapport-credentials.properties") \
      psql -h localhost -p "$pg" -U postgres -d rapport -qAt -c "alter table message disable trigger message_threads_inserted" \
        -c "alter table message disable trigger message_threads_updated" -c "alter table message disable trigger message_threads_deleted"
  fi
  curl -sf -H "Authorization: Bearer $TOKEN" --data-binary @"$WORK/warmup.csv" "localhost:$PORT/api/imports?format=messages" > /dev/null
  bulk=$(timed_import "$WORK/messages.csv")
  small=$(timed_import "$WORK/more.csv")
  echo "facts $mode ($(basename "$jar")): $ROWS rows ${bulk}s, then 10000 rows ${small}s"
  grep 'PhaseTimer - import 2:' "$WORK/app-$mode.log" | sed 's/.*import [0-9]*: /    /'
  kill $app; wait $app 2>/dev/null || true
  rm -rf "$data"
}

trap 'rm -rf "$WORK"' EXIT
for ((round = 1; round <= ROUNDS; round++)); do
  for jar in "${JARS[@]}"; do
    run on "$jar"
  done
done
run off "${JARS[0]}"
