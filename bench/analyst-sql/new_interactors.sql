-- new_interactors: active in the week, no active message before it
with weeks as (select generate_series(:'from'::date, :'to'::date, interval '1 week') as ws),
active as (select person_id, created_at from message where account_id = :account_id and not from_brand and kind <> 'reaction'),
firsts as (select person_id, min(created_at) as first_at from active group by person_id)
select ws::date, count(distinct a.person_id) from weeks
left join active a on a.created_at >= ws and a.created_at < ws + interval '7 days'
                  and exists (select 1 from firsts f where f.person_id = a.person_id and f.first_at >= ws)
group by ws order by ws;
