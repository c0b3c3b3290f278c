#!/usr/bin/env bash
# Import until the dashboard shows it (issue 9), side by side in one run on one embedded PostgreSQL, server at
# -Xmx512m: for each size, (a) a plain COPY of the native CSV rows into a table with only the same primary key
# (network, message_id), (b) the same file imported over HTTP into an empty workspace until it answers, (c) the
# all-accounts dashboard's first requests after it (metrics, the cards' comparison, tiers with flows, cohorts,
# response-time buckets, NPS by tier). Runs alternate COPY / import; medians are
# reported with the ratio rate(import + first dashboard) / rate(COPY), and the import's phases (PhaseTimer).
# Usage: bench/import-to-dashboard-benchmark.sh ["1000000 2000000"] [runs, or runs per size: "3 1"] [results.md]
#   (needs psql; builds the jar if missing; BENCH_JAR runs another build, BENCH_PORT another port;
#   BENCH_THREADS=own keeps each generated thread in one account, see bench/generate_messages.py)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-1000000 2000000}
RUNS=${2:-3}
RESULTS=${3:-docs/benchmarks.md}
JAR=${BENCH_JAR:-target/rapport-0.1.0.jar}
PORT=${BENCH_PORT:-18209}
WORK=$(mktemp -d /tmp/rapport-ibench.XXXX)
# a token of its own: other benchmarks on the same machine must not reach this server
TOKEN=rpt_import-bench-$(date +%s%N)
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests

# each import starts on a fresh server (its heap as a new user's, the dashboard's first requests cold)
start_app() {
  RAPPORT_ROLLUPS_BACKGROUND=false RAPPORT_BOOTSTRAP_TOKEN=$TOKEN RAPPORT_DEMO=false RAPPORT_DATA_DIR="$WORK/data" \
    MICRONAUT_SERVER_PORT=$PORT java -Xmx512m -jar "$JAR" >> "$WORK/app.log" 2>&1 &
  APP=$!
  until curl -sf "localhost:$PORT/health" > /dev/null; do sleep 1; done
  PG=$(grep -o 'Embedded PostgreSQL on 127.0.0.1:[0-9]*' "$WORK/app.log" | tail -1 | grep -o '[0-9]*$')
  export PGPASSWORD=$(sed -n 's/^superuser.password=//p' "$WORK/data/pgdata/rapport-credentials.properties")
}
stop_app() { kill $APP; wait $APP 2>/dev/null || true; }
trap 'set +e; kill $APP 2>/dev/null; wait $APP 2>/dev/null; cp "$WORK/app.log" /tmp/rapport-ibench-last.log; rm -rf "$WORK"' EXIT
psql_() { psql -h localhost -p "$PG" -U postgres -d rapport -qAt "$@"; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc | xargs printf '%.2f'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
import_file() {
  curl -sf -H "Authorization: Bearer $TOKEN" --data-binary @"$1" "localhost:$PORT/api/imports?format=messages" > "$WORK/report.json"
}
# an empty workspace, analysed so that every import starts from the same planner figures; every table of the
# data and of its facts is named (a truncate skips the triggers that keep the facts, which have no foreign key)
reset() {
  psql_ -c "truncate message, person, account, person_day, account_day, reply_day, message_fact, brand_reply, brand_post, voice_pending, account_change, account_data_version, person_summary, metric_rollup, rollup_state cascade" 2> /dev/null
  psql_ -c "analyze message, person, account, person_day, account_day, reply_day, message_fact, brand_reply, brand_post, voice_pending"
}
# the all-accounts dashboard's first load, its requests one after another (the page sends them at once; kept
# sequential so that runs compare with those of the earlier in-memory engine); seconds until the last answers
dashboard() {
  local q="grain=week&from=$1&to=$2" start; start=$(now)
  for path in "/api/metrics?$q" "/api/metrics?grain=week&from=$2&to=$2" "/api/tiers?$q" "/api/cohorts?$q" \
              "/api/response-times?$q" "/api/nps-by-tier?$q"; do
    curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "localhost:$PORT$path" || { echo "failed: $path" >&2; return 1; }
  done
  since "$start"
}
plain_copy() {
  psql_ -c "drop table if exists plain_copy" 2> /dev/null; psql_ -c "create table plain_copy (
      network text collate \"C\", account text, message_id text collate \"C\", author_id text, author_handle text,
      from_brand boolean, kind text, created_at timestamptz, in_reply_to text collate \"C\", text text,
      primary key (network, message_id))"
  local start; start=$(now)
  psql_ -c "\\copy plain_copy from '$1' (format csv, header)"
  since "$start"
  psql_ -c "drop table plain_copy"
}

# a running server is warm: a small import of another network first, so that the JIT is not what is measured
python3 bench/generate_messages.py 20000 "$WORK/warmup.csv"
sed -i '2,$ s/^x,/warmup,/' "$WORK/warmup.csv"
touch "$WORK/app.log"

section=""; size=0
for rows in $SIZES; do
  python3 bench/generate_messages.py "$rows" "$WORK/messages.csv"
  # 52 weeks ending with the week of the last message (the generator writes one every 30 s from 2025-01-06)
  to=$(python3 -c "import datetime as d; e = d.date(2025, 1, 6) + d.timedelta(seconds=($rows - 1) * 30); print(e - d.timedelta(days=e.weekday()))")
  from=$(python3 -c "import datetime as d; print(d.date.fromisoformat('$to') - d.timedelta(weeks=51))")
  table=""; : > "$WORK/copy.txt"; : > "$WORK/import.txt"; : > "$WORK/dash.txt"; : > "$WORK/ratio.txt"; : > "$WORK/phases.txt"
  size=$((size + 1)); runs=$(echo "$RUNS" | awk -v n="$size" '{ print (n <= NF) ? $n : $NF }')
  for run in $(seq 1 "$runs"); do
    start_app
    import_file "$WORK/warmup.csv"
    copy_s=$(plain_copy "$WORK/messages.csv")
    reset
    marker=$(wc -l < "$WORK/app.log")
    start=$(now); import_file "$WORK/messages.csv"; import_s=$(since "$start")
    dash_s=$(dashboard "$from" "$to")
    inserted=$(python3 -c "import json; print(json.load(open('$WORK/report.json'))['inserted'])")
    [ "$inserted" = "$rows" ] || { echo "inserted $inserted of $rows"; exit 1; }
    ratio=$(echo "scale=4; $copy_s / ($import_s + $dash_s)" | bc | xargs printf '%.2f')
    echo "$copy_s" >> "$WORK/copy.txt"; echo "$import_s" >> "$WORK/import.txt"; echo "$dash_s" >> "$WORK/dash.txt"
    echo "$ratio" >> "$WORK/ratio.txt"
    phases=$(tail -n +"$marker" "$WORK/app.log" | grep 'PhaseTimer' | sed -E 's/.*import [0-9]+: (.*) in ([0-9]+) ms/\1: \2/' \
             | awk -F': ' '{ printf "%s%s %.1f", sep, $1, $2 / 1000; sep = "; " }')
    echo "$phases" >> "$WORK/phases.txt"
    table="$table| $run | $copy_s | $import_s | $dash_s | **$ratio** |"$'\n'
    echo "$rows rows, run $run: COPY ${copy_s}s, import ${import_s}s, first dashboard ${dash_s}s, ratio $ratio"
    echo "  phases (s): $phases"
    stop_app
  done
  copy_m=$(median < "$WORK/copy.txt"); import_m=$(median < "$WORK/import.txt"); dash_m=$(median < "$WORK/dash.txt")
  section="$section
#### $rows rows ($(du -h "$WORK/messages.csv" | cut -f1)), dashboard weeks $from to $to

| run | plain COPY (s) | import over HTTP (s) | first all-accounts dashboard (s) | rate(import + dashboard) / rate(COPY) |
|---|---|---|---|---|
$table| median | $copy_m | $import_m | $dash_m | **$(median < "$WORK/ratio.txt")** |

Rates (medians): plain COPY $(echo "$rows / $copy_m" | bc) rows/s; import + first dashboard $(echo "$rows / ($import_m + $dash_m)" | bc) rows/s.
Phases of each run's import (server log, seconds):
$(sed 's/^/- /' "$WORK/phases.txt")
"
done

cat >> "$RESULTS" <<MD

### Import until the dashboard shows it, $(date -u '+%Y-%m-%d %H:%M') UTC — $(nproc) cores, server at -Xmx512m, load average $(cut -d' ' -f1-3 /proc/loadavg)

\`BENCH_THREADS=${BENCH_THREADS:-crossing} bench/import-to-dashboard-benchmark.sh "$SIZES" $RUNS\`, $(basename "$JAR")$( [ "$JAR" = target/rapport-0.1.0.jar ] && echo " at commit $(git rev-parse --short HEAD)"). Per run: a plain COPY (psql \`\\copy\`) of the
CSV into a table with only the primary key (network, message_id), then the same file imported over HTTP into an
emptied workspace on a freshly started server (warmed by a 20,000-row import of another network, then emptied), then the all-accounts dashboard's six requests one after another, timed until the last answers.
$section
MD
echo "done"
