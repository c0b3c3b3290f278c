#!/usr/bin/env python3
"""Writes a native messages CSV (METRICS.md §7) of N rows for benchmarks: 10 accounts, 100k persons,
threads of a question, an answer and a follow-up. Deterministic.
Consecutive messages go to consecutive accounts, so each reply's parent is in another account (every thread
crosses accounts: the worst case for a scope's thread facts). BENCH_THREADS=own keeps each thread in one
account, as a brand's own support threads are."""
import datetime
import os
import random
import sys

n = int(sys.argv[1])
out = sys.argv[2]
random.seed(1)
base = datetime.datetime(2025, 1, 6, tzinfo=datetime.timezone.utc)
own_threads = os.environ.get("BENCH_THREADS", "crossing") == "own"
with open(out, "w") as f:
    f.write("network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text\n")
    for i in range(n):
        # thread k is messages 3k+1 (question), 3k+2 (follow-up), 3k+3 (the brand's answer)
        account = f"acct{((i - 1) // 3) % 10}" if own_threads else f"acct{i % 10}"
        at = (base + datetime.timedelta(seconds=i * 30)).strftime("%Y-%m-%dT%H:%M:%SZ")
        if i % 3 == 0:
            f.write(f'x,{account},m{i},{account},{account},true,reply,{at},m{i - 1},'
                    f'"@u{i % 100000} Thanks for reaching out, we will look into order {i}"\n')
        else:
            person = random.randrange(100000)
            parent = f"m{i - 1}" if i % 3 == 2 else ""
            f.write(f'x,{account},m{i},u{person},u{person},false,mention,{at},{parent},'
                    f'"@{account} my kettle number {i} is broken"\n')
