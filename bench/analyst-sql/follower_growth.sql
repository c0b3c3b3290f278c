-- follower_growth (context): followers at the week's end − followers at its start, each the latest snapshot dated
-- before that day (null when either is missing)
with weeks as (  -- ISO weeks (UTC) whose start date lies in [from, to]
    select d::date as week_start, d at time zone 'UTC' as p_start, (d + interval '7 days') at time zone 'UTC' as p_end
    from generate_series(date_trunc('week', (:'from'::date + 6)::timestamp), (:'to'::date)::timestamp, interval '1 week') d)
select w.week_start,
       (select f.followers from follower_snapshot f
        where f.account_id = :account_id and f.day < w.week_start + 7 order by f.day desc limit 1)
     - (select f.followers from follower_snapshot f
        where f.account_id = :account_id and f.day < w.week_start order by f.day desc limit 1) as value
from weeks w
order by w.week_start;
