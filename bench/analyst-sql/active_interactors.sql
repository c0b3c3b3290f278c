-- active_interactors: persons with a non-reaction message in the week
with weeks as (select generate_series(:'from'::date, :'to'::date, interval '1 week') as ws)
select ws::date, count(distinct m.person_id) from weeks
left join message m on m.account_id = :account_id and not m.from_brand and m.kind <> 'reaction'
                   and m.created_at >= ws and m.created_at < ws + interval '7 days'
group by ws order by ws;
