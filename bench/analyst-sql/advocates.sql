-- advocates: persons who, in W = [end − 90 days, end), were active in ≥ 3 distinct ISO weeks (UTC) and made
-- at least one amplification (a share)
with weeks as (  -- ISO weeks (UTC) whose start date lies in [from, to]; W is the 90 calendar days to the end
    select d::date as week_start, (d + interval '7 days') at time zone 'UTC' as p_end,
           (d + interval '7 days' - interval '90 days') at time zone 'UTC' as window_start
    from generate_series(date_trunc('week', (:'from'::date + 6)::timestamp), (:'to'::date)::timestamp, interval '1 week') d),
active as (
    select person_id, created_at, kind, date_trunc('week', created_at at time zone 'UTC') as iso_week
    from message where account_id = :account_id and not from_brand and kind <> 'reaction'),
per_person as (
    select w.week_start, a.person_id
    from weeks w join active a on a.created_at >= w.window_start and a.created_at < w.p_end
    group by w.week_start, a.person_id
    having count(distinct a.iso_week) >= 3 and bool_or(a.kind = 'share'))
select w.week_start, count(p.person_id) as value
from weeks w
left join per_person p on p.week_start = w.week_start
group by w.week_start
order by w.week_start;
