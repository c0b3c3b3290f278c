-- median_response_minutes: median minutes from a turn's start to its answer, turns starting in the week
with recursive m as (select id, parent_id, from_brand, kind, created_at, message_id from message where account_id = :account_id),
roots as (
    select id, id as root from m where parent_id is null or parent_id not in (select id from m)
    union all
    select c.id, r.root from m c join roots r on c.parent_id = r.id),
t as (select r.root, m.* from m join roots r using (id) where m.kind not in ('share', 'reaction')),
o as (select *, lag(from_brand) over (partition by root order by created_at, message_id collate "C") as prev_brand from t),
turns as (
    select s.created_at as start_at,
           (select min(b.created_at) from t b where b.root = s.root and b.from_brand
               and (b.created_at, b.message_id collate "C") > (s.created_at, s.message_id collate "C")) as answer_at
    from o s where not s.from_brand and (s.prev_brand is null or s.prev_brand)),
weeks as (select generate_series(:'from'::date, :'to'::date, interval '1 week') as ws)
select ws::date, percentile_cont(0.5) within group (order by extract(epoch from answer_at - start_at) / 60) from weeks
left join turns on start_at >= ws and start_at < ws + interval '7 days'
group by ws order by ws;
