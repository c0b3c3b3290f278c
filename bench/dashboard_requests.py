#!/usr/bin/env python3
"""The dashboard's five requests for one scope and 52 weeks, over one kept-alive HTTP connection, timed.

  dashboard_requests.py PORT TOKEN ACCOUNTS FIRST_MONDAY cold
      one round (a range never asked before: nothing cached), prints the total seconds
  dashboard_requests.py PORT TOKEN ACCOUNTS FIRST_MONDAY warm ROUNDS [UNMEASURED]
      ROUNDS rounds of the same range, prints median and p99 per request in milliseconds; after UNMEASURED
      rounds first when given (the JIT compiles the warm path while a fresh JVM answers its first rounds)
ACCOUNTS is the accounts parameter (network/handle, comma-separated), or "all".
"""
import datetime
import http.client
import statistics
import sys
import time
import urllib.parse

port, token, accounts, first = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
mode = sys.argv[5]
start = datetime.date.fromisoformat(first)
to = start + datetime.timedelta(weeks=51)
query = {"grain": "week", "from": start.isoformat(), "to": to.isoformat()}
if accounts != "all":
    query["accounts"] = accounts
q = urllib.parse.urlencode(query)
paths = [f"/api/{view}?{q}" for view in ("metrics", "tiers", "cohorts", "response-times", "nps-by-tier")]
connection = http.client.HTTPConnection("localhost", int(port), timeout=3600)
headers = {"Authorization": f"Bearer {token}"}


def get(path):
    began = time.perf_counter()
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        sys.exit(f"{path}: HTTP {response.status} {body[:300]!r}")
    return time.perf_counter() - began


if mode == "cold":
    print(f"{sum(get(p) for p in paths):.3f}")
else:
    rounds = int(sys.argv[6])
    for _ in range(int(sys.argv[7]) if len(sys.argv) > 7 else 0):
        for p in paths:
            get(p)
    times = {p: [] for p in paths}
    for _ in range(rounds):
        for p in paths:
            times[p].append(get(p) * 1000)
    for p in paths:
        t = sorted(times[p])
        p99 = t[max(0, -(-99 * len(t) // 100) - 1)]
        print(f"{p.split('?')[0]} median {statistics.median(t):.2f} ms p99 {p99:.2f} ms")
