-- conversation_ratio: brand replies (parent written by a person) over brand messages that are not reactions
with weeks as (select generate_series(:'from'::date, :'to'::date, interval '1 week') as ws)
select ws::date, count(*) filter (where m.kind not in ('share', 'reaction') and p.id is not null and not p.from_brand)::float8
                 / nullif(count(m.id) filter (where m.kind <> 'reaction'), 0)
from weeks
left join message m on m.account_id = :account_id and m.from_brand and m.created_at >= ws and m.created_at < ws + interval '7 days'
left join message p on p.id = m.parent_id and p.account_id = :account_id
group by ws order by ws;
