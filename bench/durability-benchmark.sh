#!/usr/bin/env bash
# What durability costs an import (issue 12, finding 2): two servers on embedded PostgreSQL, one durable (the
# default: fsync, synchronous_commit and full_page_writes on), one with RAPPORT_DB_DURABLE=false. The same file
# is imported into each in turn (A B A B …, each time as a new network so every row is an insert); the median
# of the runs and the median of the pairwise ratios go to the results.
# Usage: bench/durability-benchmark.sh [rows] [runs] [results.md]   (builds the jar if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-200000}
RUNS=${2:-5}
RESULTS=${3:-docs/benchmarks.md}
WORK=$(mktemp -d /tmp/rapport-durability.XXXX)
TOKEN=rpt_benchmark-token-0123456789abcdef
[ -f target/rapport-0.1.0.jar ] || ./mvnw -q -B package -DskipTests
python3 bench/generate_messages.py "$ROWS" "$WORK/messages.csv"

start_app() { # name port durable
  RAPPORT_BOOTSTRAP_TOKEN=$TOKEN RAPPORT_DEMO=false RAPPORT_ROLLUPS_BACKGROUND=false RAPPORT_DATA_DIR="$WORK/$1" \
    MICRONAUT_SERVER_PORT=$2 RAPPORT_DB_DURABLE=$3 java -jar target/rapport-0.1.0.jar > "$WORK/$1.log" 2>&1 &
  echo $!
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])'; }
PA=$(free_port); PB=$(free_port)
A=$(start_app durable "$PA" true)
B=$(start_app unsafe "$PB" false)
trap 'kill $A $B 2>/dev/null; wait $A $B 2>/dev/null; rm -rf "$WORK"' EXIT
for port in $PA $PB; do
  for _ in $(seq 300); do curl -sf "localhost:$port/health" > /dev/null && break; sleep 1; done
  curl -sf "localhost:$port/health" > /dev/null || { echo "server on $port did not start; see $WORK"; exit 1; }
done

import_s() { # port network
  sed "2,\$ s/^x,/$2,/" "$WORK/messages.csv" > "$WORK/run.csv"
  local start; start=$(date +%s.%N)
  curl -sf -H "Authorization: Bearer $TOKEN" --data-binary @"$WORK/run.csv" "localhost:$1/api/imports?format=messages" > /dev/null
  echo "$(date +%s.%N) - $start" | bc
}
import_s "$PA" warmup > /dev/null; import_s "$PB" warmup > /dev/null
: > "$WORK/times"
for i in $(seq 1 "$RUNS"); do
  a=$(import_s "$PA" "n$i"); b=$(import_s "$PB" "n$i")
  echo "$a $b" >> "$WORK/times"
done
read -r med_a med_b med_ratio < <(python3 - "$WORK/times" <<'PY'
import statistics, sys
pairs = [tuple(map(float, l.split())) for l in open(sys.argv[1])]
print(f"{statistics.median(a for a, _ in pairs):.2f} {statistics.median(b for _, b in pairs):.2f} "
      f"{statistics.median(a / b for a, b in pairs):.2f}")
PY
)
runs=$(awk '{printf "%s%.2f / %.2f", (NR>1?"; ":""), $1, $2}' "$WORK/times")
cat >> "$RESULTS" <<MD

### Durability cost, $(date -u '+%Y-%m-%d %H:%M') UTC — $ROWS native CSV rows, $RUNS paired runs, $(nproc) cores

| server | median seconds per import |
|---|---|
| durable (default: fsync, synchronous_commit, full_page_writes on) | $med_a |
| \`RAPPORT_DB_DURABLE=false\` (all three off) | $med_b |

Median of the pairwise ratios durable / not durable: **$med_ratio**. Runs (durable / not, seconds): $runs.
Load average when it ended: $(cut -d' ' -f1-3 /proc/loadavg).
MD
echo "durable ${med_a}s, not durable ${med_b}s, ratio $med_ratio"
