#!/usr/bin/env bash
# Ingest benchmark (issue 2): native CSV through Rapport's import vs a plain COPY of the same rows into the
# same (emptied) message table, side by side in one run, on one embedded PostgreSQL.
# Usage: bench/ingest-benchmark.sh [rows] [results.md]   (needs psql; builds the jar if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
RESULTS=${2:-docs/benchmarks.md}
WORK=$(mktemp -d /tmp/rapport-bench.XXXX)
PORT=8197
[ -f target/rapport-0.1.0.jar ] || ./mvnw -q -B package -DskipTests

python3 bench/generate_messages.py "$ROWS" "$WORK/messages.csv"
TOKEN=rpt_benchmark-token-0123456789abcdef
RAPPORT_BOOTSTRAP_TOKEN=$TOKEN RAPPORT_DEMO=false RAPPORT_DATA_DIR="$WORK/data" MICRONAUT_SERVER_PORT=$PORT \
  java -jar target/rapport-0.1.0.jar > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$WORK"' EXIT
until curl -sf "localhost:$PORT/health" > /dev/null; do sleep 1; done
PG=$(grep -o 'Embedded PostgreSQL on 127.0.0.1:[0-9]*' "$WORK/app.log" | grep -o '[0-9]*$')
export PGPASSWORD=$(sed -n 's/^superuser.password=//p' "$WORK/data/pgdata/rapport-credentials.properties")
psql_() { psql -h localhost -p "$PG" -U postgres -d rapport -qAt "$@"; }

# a running server is warm: a small import of another network first, so that the JIT is not what is measured
python3 bench/generate_messages.py 20000 "$WORK/warmup.csv"
sed -i '2,$ s/^x,/warmup,/' "$WORK/warmup.csv"
curl -sf -H "Authorization: Bearer $TOKEN" --data-binary @"$WORK/warmup.csv" "localhost:$PORT/api/imports?format=messages" > /dev/null

start=$(date +%s.%N)
curl -sf -H "Authorization: Bearer $TOKEN" --data-binary @"$WORK/messages.csv" "localhost:$PORT/api/imports?format=messages" > "$WORK/report.json"
import_s=$(echo "$(date +%s.%N) - $start" | bc)
inserted=$(python3 -c "import json;print(json.load(open('$WORK/report.json'))['inserted'])")

# the same rows, as the message table stores them, COPYed plainly into the same table after emptying it
psql_ -c "\copy (select id, network, message_id, account_id, person_id, author_id, author_handle, from_brand, kind, created_at, in_reply_to, text, parent_id, import_id from message where network = 'x') to '$WORK/plain.csv' csv"
psql_ -c "truncate message"
start=$(date +%s.%N)
psql_ -c "\copy message (id, network, message_id, account_id, person_id, author_id, author_handle, from_brand, kind, created_at, in_reply_to, text, parent_id, import_id) from '$WORK/plain.csv' csv"
copy_s=$(echo "$(date +%s.%N) - $start" | bc)

import_rate=$(echo "$ROWS / $import_s" | bc)
copy_rate=$(echo "$ROWS / $copy_s" | bc)
ratio=$(echo "scale=2; $import_rate / $copy_rate" | bc)
phases=$(grep 'PhaseTimer - import 2:' "$WORK/app.log" | sed 's/.*import [0-9]*: /- /')
cat >> "$RESULTS" <<MD

### Ingest, $(date -u +%Y-%m-%d) — $ROWS native CSV rows ($(du -h "$WORK/messages.csv" | cut -f1)), $(nproc) cores

| path | seconds | rows/s |
|---|---|---|
| \`POST /api/imports?format=messages\` (parse, validate, COPY to staging, upsert, link threads) | $import_s | $import_rate |
| plain \`COPY\` of the same rows into the same \`message\` table, emptied of them (all its indexes) | $copy_s | $copy_rate |

Import rate / plain COPY rate: **$ratio**. Inserted: $inserted. Phases of the import (server log):
$phases
MD
echo "import ${import_s}s (${import_rate}/s), plain COPY ${copy_s}s (${copy_rate}/s), ratio $ratio"
