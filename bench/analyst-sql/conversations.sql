-- conversations: distinct threads with a cross-party reply created in the week
with recursive m as (select id, parent_id, from_brand, kind, created_at from message where account_id = :account_id),
roots as (
    select id, id as root from m where parent_id is null or parent_id not in (select id from m)
    union all
    select c.id, r.root from m c join roots r on c.parent_id = r.id),
cross_party as (
    select c.created_at, r.root from m c join m p on p.id = c.parent_id join roots r on r.id = c.id
    where c.kind not in ('share', 'reaction') and c.from_brand <> p.from_brand),
weeks as (select generate_series(:'from'::date, :'to'::date, interval '1 week') as ws)
select ws::date, count(distinct root) from weeks left join cross_party on created_at >= ws and created_at < ws + interval '7 days'
group by ws order by ws;
