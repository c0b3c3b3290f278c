-- repeat_rate: repeat_interactors / active_interactors (null when nobody was active). Repeat: active in the week
-- and also in [start − 90 days, start), i.e. an active message in the week whose person's previous active message
-- lies in that range
with weeks as (  -- ISO weeks (UTC) whose start date lies in [from, to]; 90 calendar days before the start
    select d::date as week_start, d at time zone 'UTC' as p_start, (d + interval '7 days') at time zone 'UTC' as p_end,
           (d - interval '90 days') at time zone 'UTC' as lookback_start
    from generate_series(date_trunc('week', (:'from'::date + 6)::timestamp), (:'to'::date)::timestamp, interval '1 week') d),
active as (
    select person_id, created_at, lag(created_at) over (partition by person_id order by created_at) as previous_at
    from message where account_id = :account_id and not from_brand and kind <> 'reaction')
select w.week_start,
       count(distinct a.person_id) filter (where a.previous_at >= w.lookback_start and a.previous_at < w.p_start)::float8
           / nullif(count(distinct a.person_id), 0) as value
from weeks w
left join active a on a.created_at >= w.p_start and a.created_at < w.p_end
group by w.week_start
order by w.week_start;
