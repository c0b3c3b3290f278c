-- Benchmark dataset for the metrics engine (issue 3): 10 accounts, 1,000,000 persons, :messages messages
-- (default 10M) over the 52 weeks before 2026-11-23, written straight into the schema (the ingest path is
-- measured by ingest-benchmark.sh). Threads of four: a person asks, the brand answers, the person
-- follows up (or shares), the brand answers again (or someone reacts). Brand replies are canned (from a
-- small set of templates) one time in three. Deterministic.
\set ON_ERROR_STOP on
set work_mem = '512MB';
insert into account (network, handle) select 'x', 'acct' || g from generate_series(0, 9) g;
insert into person (network, author_id, handle) select 'x', 'u' || g, 'u' || g from generate_series(0, 999999) g;

create temp table gen as
select g as id,
       (g - 1) / 4 as t,
       (g - 1) % 4 as pos,
       ((g - 1) / 4) % 10 as acct,
       (hashint8(((g - 1) / 4)::bigint) & 2147483647) % 1000000 as person,
       (hashint8(g::bigint) & 2147483647) % 100 as dice
from generate_series(1, :messages) g;

insert into message (id, network, message_id, account_id, person_id, author_id, author_handle, from_brand,
                     kind, created_at, in_reply_to, text, parent_id)
select g.id, 'x', 'm' || g.id, a.id,
       case when g.pos in (0, 2) or (g.pos = 3 and g.dice < 30) then p.id end,
       case when g.pos in (0, 2) or (g.pos = 3 and g.dice < 30) then p.author_id else a.handle end,
       case when g.pos in (0, 2) or (g.pos = 3 and g.dice < 30) then p.author_id else a.handle end,
       not (g.pos in (0, 2) or (g.pos = 3 and g.dice < 30)),
       case when g.pos = 0 then 'mention'
            when g.pos = 2 and g.dice < 10 then 'share'
            when g.pos = 3 and g.dice < 30 then 'reaction'
            else 'reply' end,
       timestamptz '2025-11-24 00:00:00+00' + ((g.t::float8 / (:messages / 4)) * interval '364 days')
           + g.pos * interval '17 minutes' + (g.dice * interval '1 minute'),
       case when g.pos > 0 then 'm' || (g.id - 1) end,
       case when g.pos in (1, 3) and g.dice < 33 then '@' || p.author_id || ' Sorry to hear that! Please DM us your order number and we will look into it. ^' || chr(65 + (g.dice % 5)) || chr(75 + (g.dice % 3))
            when g.pos in (1, 3) then '@' || p.author_id || ' thanks ' || p.author_id || ', your kettle ' || g.id || ' ships on day ' || (g.dice * 7 % 31) || ' with a note from team ' || (g.t % 977)
            when g.pos = 0 and g.dice < 5 then 'Big sale: 30% off kettles, shop now'
            else '@' || a.handle || ' question number ' || g.id end,
       case when g.pos > 0 then g.id - 1 end
from gen g
join account a on a.handle = 'acct' || g.acct
join person p on p.author_id = 'u' || g.person;
select setval('message_id_seq', (select max(id) from message));
analyze;
