-- p90_response_minutes: 90th percentile (nearest rank, the value at rank ⌈0.9 n⌉: percentile_disc) of the response
-- minutes of answered inbound turns starting in the week
with recursive
m as (select id, parent_id, from_brand, person_id, kind, created_at, message_id from message where account_id = :account_id),
thread as (  -- each message's root: parents followed within the account's messages
    select id, id as root from m where parent_id is null or parent_id not in (select id from m)
    union all
    select c.id, t.root from m c join thread t on c.parent_id = t.id),
thread_order as (  -- shares and reactions are passed over; the rest in thread order (created_at, message_id as text)
    select m.person_id, m.from_brand, m.created_at,
           lag(m.from_brand) over w as previous_from_brand,
           min(m.created_at) filter (where m.from_brand) over (w rows between 1 following and unbounded following) as next_brand_at
    from m join thread t on t.id = m.id
    where m.kind not in ('share', 'reaction')
    window w as (partition by t.root order by m.created_at, m.message_id collate "C")),
turns as (  -- a turn starts at a person message after a brand message (or first in the thread); the first brand message after it answers it
    select person_id, created_at as start_at, next_brand_at as answered_at
    from thread_order where not from_brand and previous_from_brand is not false),
weeks as (  -- ISO weeks (UTC) whose start date lies in [from, to]
    select d::date as week_start, d at time zone 'UTC' as p_start, (d + interval '7 days') at time zone 'UTC' as p_end
    from generate_series(date_trunc('week', (:'from'::date + 6)::timestamp), (:'to'::date)::timestamp, interval '1 week') d)
select w.week_start, percentile_disc(0.9) within group (order by (extract(epoch from t.answered_at - t.start_at) / 60)::float8) as value
from weeks w
left join turns t on t.start_at >= w.p_start and t.start_at < w.p_end
group by w.week_start
order by w.week_start;
