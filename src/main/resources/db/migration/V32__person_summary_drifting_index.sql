-- The "drifting" preset (regular or advocate 90 days ago, now participant or lapsed) is a small share of the
-- people: its rows in their default order (latest first) have an index of their own, with the preset's
-- condition word for word, so a page does not walk past everyone else (measured: 450–730 ms → see docs/people.md).
create index person_summary_drifting on person_summary (scope, last_seen, person_id)
    where tier_before in (1, 2) and tier in (3, 4);
