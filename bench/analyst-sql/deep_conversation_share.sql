-- deep_conversation_share: share of the week's conversations whose thread has ≥ 3 cross-party replies
-- created before the week's end (earlier weeks included)
with recursive
m as (select id, parent_id, from_brand, kind, created_at from message where account_id = :account_id),
thread as (
    select id, id as root from m where parent_id is null or parent_id not in (select id from m)
    union all
    select c.id, t.root from m c join thread t on c.parent_id = t.id),
cross_party as (
    select t.root, c.created_at
    from m c join m p on p.id = c.parent_id join thread t on t.id = c.id
    where c.kind not in ('share', 'reaction') and c.from_brand <> p.from_brand),
weeks as (  -- ISO weeks (UTC) whose start date lies in [from, to]
    select d::date as week_start, d at time zone 'UTC' as p_start, (d + interval '7 days') at time zone 'UTC' as p_end
    from generate_series(date_trunc('week', (:'from'::date + 6)::timestamp), (:'to'::date)::timestamp, interval '1 week') d),
third_reply as (  -- when each thread got its third cross-party reply (deep from then on)
    select root, created_at as third_at
    from (select root, created_at, row_number() over (partition by root order by created_at) as nth from cross_party) n
    where nth = 3),
conversation as (
    select distinct w.week_start, w.p_end, x.root
    from weeks w join cross_party x on x.created_at >= w.p_start and x.created_at < w.p_end)
select w.week_start, count(c.root) filter (where d.third_at < c.p_end)::float8 / nullif(count(c.root), 0) as value
from weeks w
left join conversation c on c.week_start = w.week_start
left join third_reply d on d.root = c.root
group by w.week_start
order by w.week_start;
