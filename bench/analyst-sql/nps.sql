-- nps: over survey responses dated in the week by persons (matched on network, author_id) with an active message in
-- the account (ever): 100 × (share scoring 9–10 − share scoring 0–6); null without responses
with weeks as (  -- ISO weeks (UTC) whose start date lies in [from, to]
    select d::date as week_start, d at time zone 'UTC' as p_start, (d + interval '7 days') at time zone 'UTC' as p_end
    from generate_series(date_trunc('week', (:'from'::date + 6)::timestamp), (:'to'::date)::timestamp, interval '1 week') d),
response as (
    select s.day, s.score
    from survey_response s join person p on p.network = s.network and p.author_id = s.author_id
    where exists (select 1 from message m where m.person_id = p.id and m.account_id = :account_id and m.kind <> 'reaction'))
select w.week_start,
       100 * (count(r.score) filter (where r.score >= 9)::float8 / nullif(count(r.score), 0)
            - count(r.score) filter (where r.score <= 6)::float8 / nullif(count(r.score), 0)) as value
from weeks w
left join response r on r.day >= w.week_start and r.day < w.week_start + 7
group by w.week_start
order by w.week_start;
