-- repeat_interactors: active in the week and in the 90 days before it
with weeks as (select generate_series(:'from'::date, :'to'::date, interval '1 week') as ws),
active as (select person_id, created_at from message where account_id = :account_id and not from_brand and kind <> 'reaction')
select ws::date, count(distinct a.person_id) from weeks
left join active a on a.created_at >= ws and a.created_at < ws + interval '7 days'
                  and exists (select 1 from active b where b.person_id = a.person_id
                              and b.created_at >= ws - interval '90 days' and b.created_at < ws)
group by ws order by ws;
