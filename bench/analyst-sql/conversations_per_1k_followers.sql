-- conversations_per_1k_followers: 1000 × conversations / followers (latest snapshot dated before the week's
-- end); null without a snapshot or with zero followers
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
per_week as (
    select w.week_start, count(distinct x.root) as conversations,
           (select f.followers from follower_snapshot f
            where f.account_id = :account_id and f.day < w.week_start + 7 order by f.day desc limit 1) as followers
    from weeks w
    left join cross_party x on x.created_at >= w.p_start and x.created_at < w.p_end
    group by w.week_start)
select week_start, 1000.0::float8 * conversations / nullif(followers, 0) as value
from per_week
order by week_start;
