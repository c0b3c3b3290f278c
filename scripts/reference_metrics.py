#!/usr/bin/env python3
"""Independent reference implementation ("oracle") of docs/metric-definitions.md.

Python 3.11, standard library only.  It reads messages (native CSV or the
Kaggle `twcs` format), computes every metric of METRICS.md section 4 per ISO
week for one scope (a set of accounts) and writes

    period_start,period_end,grain,scope,metric,value

This file deliberately shares no code with the Java implementation; it is
written from the text of METRICS.md and the interpretation notes recorded in
docs/reference-oracle.md.

Usage:
    python3 scripts/reference_metrics.py --format twcs \
        --input src/test/resources/twcs/twcs-sample.csv --account x/AmazonHelp \
        --out src/test/resources/reference/twcs-weekly-AmazonHelp.csv
    python3 scripts/reference_metrics.py --format messages \
        --input src/test/resources/reference/worked-example-input.csv \
        --account x/A --out src/test/resources/reference/worked-example.csv
    python3 scripts/reference_metrics.py --format twcs --input FILE --list-brands
    python3 scripts/reference_metrics.py --self-test \
        --input src/test/resources/reference/worked-example-input.csv
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import unicodedata
from dataclasses import dataclass, field

UTC = dt.timezone.utc

METRIC_KEYS = [
    "conversations",
    "conversations_per_1k_followers",
    "deep_conversation_share",
    "active_interactors",
    "new_interactors",
    "repeat_interactors",
    "repeat_rate",
    "advocates",
    "response_rate",
    "response_within_sla_rate",
    "median_response_minutes",
    "p90_response_minutes",
    "reciprocity",
    "canned_reply_share",
    "personalization_score",
    "conversation_ratio",
    "promotional_share",
    "followers",
    "follower_growth",
    "amplification_per_post",
    "applause_per_post",
    "nps",
]

DEFAULT_PROMO_PHRASES = [
    "buy", "shop", "sale", "% off", "discount", "promo", "coupon", "deal",
    "limited time", "order now", "follow us", "retweet", "giveaway",
    "enter to win", "link in bio", "free shipping",
]

TURN_KINDS = {"reply", "mention", "comment", "direct", "post"}
PASSIVE_KINDS = {"share", "reaction"}
DAYS_90 = dt.timedelta(days=90)


# --------------------------------------------------------------------------
# Data model
# --------------------------------------------------------------------------

@dataclass
class Message:
    network: str
    account: str          # handle (without network)
    message_id: str
    author_id: str
    author_handle: str
    from_brand: bool
    kind: str
    created_at: dt.datetime  # aware, UTC
    in_reply_to: str         # "" when empty
    text: str
    line: int = 0

    @property
    def key(self):
        return (self.network, self.message_id)

    @property
    def person(self):
        return (self.network, self.author_id)


@dataclass
class ImportReport:
    rows_read: int = 0
    inserted: int = 0
    updated: int = 0
    rejected: list = field(default_factory=list)
    unattributed: list = field(default_factory=list)


# --------------------------------------------------------------------------
# CSV (RFC 4180, but a bare CR is field text, not a line break)
# --------------------------------------------------------------------------

def parse_csv(text: str):
    """Returns [(line_number_of_record_start, [fields...]), ...].

    Records end at LF or CRLF outside quotes.  A CR not followed by LF is
    ordinary text.  Quoted fields may hold separators, line breaks and ""
    escapes.
    """
    rows = []
    row: list[str] = []
    fld: list[str] = []
    i, n = 0, len(text)
    in_quotes = False
    line = 1
    start_line = 1
    field_started_quoted = False
    while i < n:
        c = text[i]
        if in_quotes:
            if c == '"':
                if i + 1 < n and text[i + 1] == '"':
                    fld.append('"')
                    i += 2
                    continue
                in_quotes = False
                i += 1
                continue
            if c == "\n":
                line += 1
            fld.append(c)
            i += 1
            continue
        if c == '"' and not fld and not field_started_quoted:
            in_quotes = True
            field_started_quoted = True
            i += 1
            continue
        if c == ",":
            row.append("".join(fld))
            fld = []
            field_started_quoted = False
            i += 1
            continue
        if c == "\n" or (c == "\r" and i + 1 < n and text[i + 1] == "\n"):
            row.append("".join(fld))
            fld = []
            field_started_quoted = False
            rows.append((start_line, row))
            row = []
            i += 1 if c == "\n" else 2
            line += 1
            start_line = line
            continue
        fld.append(c)
        i += 1
    if fld or row or field_started_quoted:
        row.append("".join(fld))
        rows.append((start_line, row))
    return rows


def read_records(path: str):
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    rows = parse_csv(text)
    if not rows:
        return [], []
    header = [h.strip() for h in rows[0][1]]
    records = []
    for line, fields in rows[1:]:
        if fields == [""]:
            continue  # blank line
        rec = {}
        for idx, name in enumerate(header):
            if name and idx < len(fields):
                rec[name] = fields[idx]
        records.append((line, rec, len(fields) == len(header)))
    return header, records


# --------------------------------------------------------------------------
# Importers
# --------------------------------------------------------------------------

def parse_instant(s: str) -> dt.datetime:
    s = s.strip()
    if s.endswith("Z") or s.endswith("z"):
        s = s[:-1] + "+00:00"
    d = dt.datetime.fromisoformat(s)
    if d.tzinfo is None:
        raise ValueError("created_at without offset")
    return d.astimezone(UTC)


def add_message(store: dict, msg: Message, report: ImportReport):
    if msg.key in store:
        report.updated += 1
        del store[msg.key]  # later copy replaces the earlier one
    else:
        report.inserted += 1
    store[msg.key] = msg


def load_messages_csv(path: str):
    _, records = read_records(path)
    report = ImportReport()
    store: dict = {}
    for line, rec, ok in records:
        report.rows_read += 1
        try:
            fb = rec["from_brand"].strip().lower()
            if fb not in ("true", "false"):
                raise ValueError("from_brand")
            msg = Message(
                network=rec["network"].strip(),
                account=rec["account"].strip(),
                message_id=rec["message_id"].strip(),
                author_id=rec["author_id"].strip(),
                author_handle=rec.get("author_handle", "").strip(),
                from_brand=(fb == "true"),
                kind=rec["kind"].strip(),
                created_at=parse_instant(rec["created_at"]),
                in_reply_to=rec.get("in_reply_to", "").strip(),
                text=rec.get("text", ""),
                line=line,
            )
        except (KeyError, ValueError) as e:
            report.rejected.append((line, str(e)))
            continue
        add_message(store, msg, report)
    return list(store.values()), report


_ID_FLOAT = re.compile(r"^(\d+)\.0+$")


def twcs_id(s: str) -> str:
    s = s.strip()
    m = _ID_FLOAT.match(s)
    return m.group(1) if m else s


def parse_twcs_time(s: str) -> dt.datetime:
    # e.g. "Tue Oct 31 22:10:47 +0000 2017" (C locale month/day names)
    return dt.datetime.strptime(s.strip(), "%a %b %d %H:%M:%S %z %Y").astimezone(UTC)


HANDLE_RE = re.compile(r"@([A-Za-z0-9_]+)")


def load_twcs(path: str, network: str = "x"):
    """METRICS.md section 7, format=twcs."""
    _, records = read_records(path)
    report = ImportReport()
    rows = []  # (line, tweet dict)
    for line, rec, ok in records:
        report.rows_read += 1
        try:
            inbound = rec["inbound"].strip()
            if inbound not in ("True", "False", "true", "false"):
                raise ValueError("inbound")
            t = dict(
                tweet_id=twcs_id(rec["tweet_id"]),
                author_id=rec["author_id"].strip(),
                inbound=(inbound.lower() == "true"),
                created_at=parse_twcs_time(rec["created_at"]),
                text=rec.get("text", ""),
                parent=twcs_id(rec.get("in_response_to_tweet_id", "")),
                line=line,
            )
            if not t["tweet_id"] or not t["author_id"]:
                raise ValueError("empty id")
        except (KeyError, ValueError) as e:
            report.rejected.append((line, str(e)))
            continue
        rows.append(t)

    # The same tweet_id twice: the later copy replaces the earlier one.
    by_id: dict = {}
    for t in rows:
        by_id.pop(t["tweet_id"], None)
        by_id[t["tweet_id"]] = t

    # Thread root over the whole file: follow parents to the first tweet
    # whose parent is absent from the file.
    root_cache: dict = {}

    def root_of(tid):
        path = []
        seen = set()
        cur = tid
        while True:
            if cur in root_cache:
                r = root_cache[cur]
                break
            path.append(cur)
            seen.add(cur)
            p = by_id[cur]["parent"]
            if not p or p not in by_id or p in seen:
                r = cur
                break
            cur = p
        for x in path:
            root_cache[x] = r
        return r

    earliest_brand: dict = {}  # root -> tweet
    for t in by_id.values():
        if not t["inbound"]:
            r = root_of(t["tweet_id"])
            k = (t["created_at"], t["tweet_id"])
            cur = earliest_brand.get(r)
            if cur is None or k < (cur["created_at"], cur["tweet_id"]):
                earliest_brand[r] = t
    brand_authors = {t["author_id"] for t in by_id.values() if not t["inbound"]}
    brand_lower = {}
    for b in sorted(brand_authors):
        brand_lower.setdefault(b.lower(), b)

    store: dict = {}
    for t in by_id.values():
        if not t["inbound"]:
            account = t["author_id"]
            kind = "reply" if t["parent"] else "post"
            from_brand = True
        else:
            from_brand = False
            kind = "reply" if t["parent"] else "mention"
            eb = earliest_brand.get(root_of(t["tweet_id"]))
            account = eb["author_id"] if eb is not None else None
            if account is None:
                for m in HANDLE_RE.finditer(t["text"]):
                    h = m.group(1).lower()
                    if h in brand_lower:
                        account = brand_lower[h]
                        break
            if account is None:
                report.unattributed.append(t["line"])
                continue
        msg = Message(
            network=network,
            account=account,
            message_id=t["tweet_id"],
            author_id=t["author_id"],
            author_handle=t["author_id"],
            from_brand=from_brand,
            kind=kind,
            created_at=t["created_at"],
            in_reply_to=t["parent"],
            text=t["text"],
            line=t["line"],
        )
        add_message(store, msg, report)
    report.updated += len(rows) - len(by_id)
    return list(store.values()), report


# --------------------------------------------------------------------------
# Text rules
# --------------------------------------------------------------------------

URL_RE = re.compile(r"(?:http://|https://|www\.)\S*")
AT_HANDLE_RE = re.compile(r"@[A-Za-z0-9_]+")
DIGITS_RE = re.compile(r"[0-9]+")


def is_space(c: str) -> bool:
    return c.isspace()


def is_letter(c: str) -> bool:
    return c.isalpha()  # Unicode categories Lu, Ll, Lt, Lm, Lo


def is_digit(c: str) -> bool:
    return unicodedata.category(c) == "Nd"


def strip_signoff(s: str) -> str:
    """Remove once a trailing sign-off: (white space | start) [^-/]
    optional white space, 1-3 letters ending the text, trailing white
    space ignored."""
    end = len(s)
    while end > 0 and is_space(s[end - 1]):
        end -= 1
    k = end
    while k > 0 and is_letter(s[k - 1]):
        k -= 1
    nletters = end - k
    if nletters < 1 or nletters > 3:
        return s
    p = k
    while p > 0 and is_space(s[p - 1]):
        p -= 1
    if p == 0 or s[p - 1] not in "^-/":
        return s
    sign = p - 1
    if sign == 0 or is_space(s[sign - 1]):
        return s[:sign]
    return s


def normalise(text: str) -> str:
    s = text.lower()
    s = URL_RE.sub("<url>", s)
    s = AT_HANDLE_RE.sub("@user", s)
    s = DIGITS_RE.sub("0", s)
    s = strip_signoff(s)
    s = "".join(
        c if (is_letter(c) or is_digit(c) or c in "_@<>" or is_space(c)) else " "
        for c in s
    )
    return " ".join(s.split())  # str.split() splits on Unicode white space


def words_of(norm: str):
    return norm.split(" ") if norm else []


def trigrams(words):
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def near_duplicate(a, b) -> bool:
    (na, wa, ga), (nb, wb, gb) = a, b
    if len(wa) < 3 or len(wb) < 3:
        return na == nb
    inter = len(ga & gb)
    union = len(ga | gb)
    return 5 * inter >= 4 * union  # Jaccard >= 0.8, exactly


def is_promotional(text: str, phrases=DEFAULT_PROMO_PHRASES, own_domains=()) -> bool:
    t = text.lower()

    def wordch(c):
        return is_letter(c) or is_digit(c) or c == "_"

    for ph in phrases:
        p = ph.lower()
        if not p:
            continue
        need_left = is_letter(p[0]) or is_digit(p[0])
        need_right = is_letter(p[-1]) or is_digit(p[-1])
        start = 0
        while True:
            i = t.find(p, start)
            if i < 0:
                break
            j = i + len(p)
            ok = True
            if need_left and i > 0 and wordch(t[i - 1]):
                ok = False
            if need_right and j < len(t) and wordch(t[j]):
                ok = False
            if ok:
                return True
            start = i + 1
    # own domains: none configured in the reference runs
    for d in own_domains:
        if d and d.lower() in t:
            return True
    return False


# --------------------------------------------------------------------------
# Periods
# --------------------------------------------------------------------------

def iso_week_start(d: dt.datetime) -> dt.datetime:
    day = d.astimezone(UTC).date()
    monday = day - dt.timedelta(days=day.weekday())
    return dt.datetime(monday.year, monday.month, monday.day, tzinfo=UTC)


def ratio(num, den):
    if den == 0:
        return None
    return num / den


def median(vals):
    v = sorted(vals)
    n = len(v)
    if n == 0:
        return None
    if n % 2 == 1:
        return v[n // 2]
    return (v[n // 2 - 1] + v[n // 2]) / 2


def p90(vals):
    v = sorted(vals)
    n = len(v)
    if n == 0:
        return None
    rank = (9 * n + 9) // 10  # ceil(0.9 * n), exact
    return v[rank - 1]


# --------------------------------------------------------------------------
# Scope analysis
# --------------------------------------------------------------------------

class Scope:
    def __init__(self, messages, accounts, sla=dt.timedelta(hours=24),
                 promo_phrases=DEFAULT_PROMO_PHRASES, own_domains=None):
        acc = set(accounts)  # {(network, handle)}
        self.msgs = [m for m in messages if (m.network, m.account) in acc]
        self.by_key = {m.key: m for m in self.msgs}
        self.sla = sla
        self.promo_phrases = promo_phrases
        self.own_domains = own_domains or {}

        # visible parent and root
        self.parent = {}
        for m in self.msgs:
            pk = (m.network, m.in_reply_to) if m.in_reply_to else None
            self.parent[m.key] = self.by_key.get(pk) if pk else None
        self.root = {}
        for m in self.msgs:
            self.root[m.key] = self._root(m).key

        # threads
        self.threads: dict = {}
        for m in self.msgs:
            self.threads.setdefault(self.root[m.key], []).append(m)
        for lst in self.threads.values():
            lst.sort(key=lambda x: (x.created_at, x.message_id))

        # cross-party replies; brand replies
        self.cross = []          # messages
        self.brand_replies = []  # messages
        for m in self.msgs:
            if m.kind in PASSIVE_KINDS:
                continue
            p = self.parent[m.key]
            if p is None:
                continue
            if p.from_brand != m.from_brand:
                self.cross.append(m)
            if m.from_brand and not p.from_brand:
                self.brand_replies.append(m)

        # inbound turns
        self.turns = []  # dict(root, start, opener, answered, seconds)
        for r, lst in self.threads.items():
            cur = None
            for m in lst:
                if m.kind in PASSIVE_KINDS:
                    continue
                if not m.from_brand:
                    if m.kind not in TURN_KINDS:
                        continue
                    if cur is None:
                        cur = dict(root=r, start=m.created_at, opener=m.person,
                                   first=m, answered=False, seconds=None,
                                   answer=None, members=[m])
                        self.turns.append(cur)
                    else:
                        cur["members"].append(m)
                else:
                    if cur is not None:
                        cur["answered"] = True
                        cur["answer"] = m
                        cur["seconds"] = (m.created_at - cur["start"]).total_seconds()
                        cur = None

        # template groups per account, over the account's brand replies
        self.canned = set()
        self.groups = []
        by_acc: dict = {}
        for m in self.brand_replies:
            by_acc.setdefault((m.network, m.account), []).append(m)
        for acc_key, reps in by_acc.items():
            reps = sorted(reps, key=lambda x: x.message_id)
            feats = []
            for m in reps:
                norm = normalise(m.text)
                w = words_of(norm)
                feats.append((norm, w, trigrams(w)))
            uf = list(range(len(reps)))

            def find(x):
                while uf[x] != x:
                    uf[x] = uf[uf[x]]
                    x = uf[x]
                return x

            for i in range(len(reps)):
                for j in range(i + 1, len(reps)):
                    if near_duplicate(feats[i], feats[j]):
                        a, b = find(i), find(j)
                        if a != b:
                            uf[a] = b
            comps: dict = {}
            for i in range(len(reps)):
                comps.setdefault(find(i), []).append(i)
            for members in comps.values():
                msgs = [reps[i] for i in members]
                persons = {self.parent[m.key].person for m in msgs}
                is_template = len(msgs) >= 3 and len(persons) >= 3
                self.groups.append(dict(account=acc_key, members=msgs,
                                        persons=persons, template=is_template,
                                        norm=[feats[i][0] for i in members]))
                if is_template:
                    for m in msgs:
                        self.canned.add(m.key)

        # active person messages
        self.active = [m for m in self.msgs if not m.from_brand and m.kind != "reaction"]

    def _root(self, m):
        seen = {m.key}
        cur = m
        while True:
            p = self.parent[cur.key]
            if p is None or p.key in seen:
                return cur
            seen.add(p.key)
            cur = p

    # ----------------------------------------------------------------------
    def metrics(self, start: dt.datetime, end: dt.datetime):
        def inP(m):
            return start <= m.created_at < end

        out = {}
        # conversations
        conv_roots = {self.root[m.key] for m in self.cross if inP(m)}
        out["conversations"] = len(conv_roots)
        out["followers"] = None  # no follower snapshots in scope data
        out["follower_growth"] = None
        out["conversations_per_1k_followers"] = None
        deep = 0
        for r in conv_roots:
            n = sum(1 for m in self.cross
                    if self.root[m.key] == r and m.created_at < end)
            if n >= 3:
                deep += 1
        out["deep_conversation_share"] = ratio(deep, len(conv_roots))

        # people
        active_p = {m.person for m in self.active if inP(m)}
        before = {m.person for m in self.active if m.created_at < start}
        prev90 = {m.person for m in self.active if start - DAYS_90 <= m.created_at < start}
        out["active_interactors"] = len(active_p)
        out["new_interactors"] = len(active_p - before)
        rep = active_p & prev90
        out["repeat_interactors"] = len(rep)
        out["repeat_rate"] = ratio(len(rep), len(active_p))

        # advocates over W = [end - 90d, end)
        w0 = end - DAYS_90
        weeks: dict = {}
        amplifiers = set()
        for m in self.active:
            if w0 <= m.created_at < end:
                weeks.setdefault(m.person, set()).add(iso_week_start(m.created_at))
                if m.kind == "share":
                    amplifiers.add(m.person)
        out["advocates"] = sum(1 for p, ws in weeks.items() if len(ws) >= 3 and p in amplifiers)

        # turns
        tP = [t for t in self.turns if start <= t["start"] < end]
        answered = [t for t in tP if t["answered"]]
        within = [t for t in answered if t["seconds"] <= self.sla.total_seconds()]
        out["response_rate"] = ratio(len(answered), len(tP))
        out["response_within_sla_rate"] = ratio(len(within), len(tP))
        mins = [t["seconds"] / 60 for t in answered]
        out["median_response_minutes"] = median(mins)
        out["p90_response_minutes"] = p90(mins)
        openers = {t["opener"] for t in tP}
        openers_answered = {t["opener"] for t in answered}
        out["reciprocity"] = ratio(len(openers_answered), len(openers))

        # canned replies / personalization
        brP = [m for m in self.brand_replies if inP(m)]
        canned = sum(1 for m in brP if m.key in self.canned)
        share = ratio(canned, len(brP))
        out["canned_reply_share"] = share
        out["personalization_score"] = None if share is None else 100 * (1 - share)

        # conversation ratio
        brand_nonreact = [m for m in self.msgs if m.from_brand and m.kind != "reaction" and inP(m)]
        out["conversation_ratio"] = ratio(len(brP), len(brand_nonreact))

        # promotional share: brand messages with empty in_reply_to
        roots_b = [m for m in self.msgs if m.from_brand and not m.in_reply_to and inP(m)]
        promo = sum(1 for m in roots_b
                    if is_promotional(m.text, self.promo_phrases,
                                      self.own_domains.get((m.network, m.account), ())))
        out["promotional_share"] = ratio(promo, len(roots_b))

        shares = sum(1 for m in self.msgs if not m.from_brand and m.kind == "share" and inP(m))
        reacts = sum(1 for m in self.msgs if not m.from_brand and m.kind == "reaction" and inP(m))
        out["amplification_per_post"] = ratio(shares, len(roots_b))
        out["applause_per_post"] = ratio(reacts, len(roots_b))
        out["nps"] = None  # no survey responses in scope data
        return out

    def weeks(self):
        if not self.msgs:
            return []
        first = iso_week_start(min(m.created_at for m in self.msgs))
        last = iso_week_start(max(m.created_at for m in self.msgs))
        out = []
        w = first
        while w <= last:
            out.append(w)
            w = w + dt.timedelta(days=7)
        return out


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        raise TypeError
    if isinstance(v, int):
        return str(v)
    return repr(float(v))


def weekly_rows(scope: Scope, scope_label: str):
    rows = []
    for w in scope.weeks():
        e = w + dt.timedelta(days=7)
        vals = scope.metrics(w, e)
        for k in METRIC_KEYS:
            rows.append((w.date().isoformat(), e.date().isoformat(), "week",
                         scope_label, k, fmt(vals[k])))
    return rows


def write_rows(rows, out):
    lines = ["period_start,period_end,grain,scope,metric,value"]
    lines += [",".join(r) for r in rows]
    data = "\n".join(lines) + "\n"
    if out == "-":
        sys.stdout.write(data)
    else:
        with open(out, "w", encoding="utf-8", newline="") as f:
            f.write(data)


# --------------------------------------------------------------------------
# Self-test: METRICS.md section 8 worked example
# --------------------------------------------------------------------------

WORKED_EXAMPLE_EXPECTED = {
    "conversations": 1,
    "deep_conversation_share": 1.0,
    "active_interactors": 3,
    "new_interactors": 3,
    "repeat_interactors": 0,
    "repeat_rate": 0.0,
    "advocates": 0,
    "response_rate": 2 / 3,
    "response_within_sla_rate": 2 / 3,
    "median_response_minutes": 77.5,
    "p90_response_minutes": 120,
    "reciprocity": 1 / 2,
    "canned_reply_share": 0.0,
    "personalization_score": 100.0,
    "conversation_ratio": 2 / 3,
    "promotional_share": 1.0,
    "amplification_per_post": 1.0,
    "applause_per_post": 1.0,
    "followers": None,
    "follower_growth": None,
    "conversations_per_1k_followers": None,
    "nps": None,
}


def self_test(path: str) -> int:
    msgs, _ = load_messages_csv(path)
    scope = Scope(msgs, [("x", "A")])
    weeks = scope.weeks()
    assert [w.date().isoformat() for w in weeks] == ["2026-01-05"], weeks
    got = scope.metrics(weeks[0], weeks[0] + dt.timedelta(days=7))
    bad = 0
    for k in METRIC_KEYS:
        exp = WORKED_EXAMPLE_EXPECTED[k]
        v = got[k]
        ok = (v is None and exp is None) or (
            v is not None and exp is not None and abs(v - exp) < 1e-12)
        print(f"{'ok ' if ok else 'BAD'} {k}: expected {exp!r}, got {v!r}")
        bad += not ok
    print("worked example:", "PASS" if bad == 0 else f"FAIL ({bad})")
    return 1 if bad else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--format", choices=["twcs", "messages"], default="messages")
    ap.add_argument("--input", required=True)
    ap.add_argument("--account", action="append", default=[],
                    help="network/handle, repeatable (the scope)")
    ap.add_argument("--out", default="-")
    ap.add_argument("--sla-hours", type=float, default=24.0)
    ap.add_argument("--list-brands", action="store_true",
                    help="print accounts by number of attributed messages")
    ap.add_argument("--report", action="store_true", help="print the import report to stderr")
    ap.add_argument("--self-test", action="store_true",
                    help="check --input (the METRICS.md section 8 example, native CSV) "
                         "against the section 8 table")
    a = ap.parse_args(argv)
    if a.self_test:
        return self_test(a.input)

    if a.format == "twcs":
        msgs, rep = load_twcs(a.input)
    else:
        msgs, rep = load_messages_csv(a.input)
    if a.report or a.list_brands:
        print(f"rows read {rep.rows_read}, inserted {rep.inserted}, updated {rep.updated}, "
              f"rejected {len(rep.rejected)}, unattributed {len(rep.unattributed)}",
              file=sys.stderr)
    if a.list_brands:
        cnt: dict = {}
        for m in msgs:
            k = f"{m.network}/{m.account}"
            cnt[k] = cnt.get(k, 0) + 1
        for k, v in sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"{v}\t{k}")
        return 0
    if not a.account:
        ap.error("--account is required")
    accounts = []
    for s in a.account:
        net, _, handle = s.partition("/")
        accounts.append((net, handle))
    scope = Scope(msgs, accounts, sla=dt.timedelta(hours=a.sla_hours))
    label = ",".join(a.account)
    write_rows(weekly_rows(scope, label), a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
