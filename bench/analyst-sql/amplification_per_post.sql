-- amplification_per_post: person shares over brand posts (no in_reply_to), in the week
with weeks as (select generate_series(:'from'::date, :'to'::date, interval '1 week') as ws)
select ws::date, (select count(*) from message s where s.account_id = :account_id and not s.from_brand and s.kind = 'share'
                      and s.created_at >= ws and s.created_at < ws + interval '7 days')::float8
                 / nullif((select count(*) from message b where b.account_id = :account_id and b.from_brand and b.in_reply_to is null
                      and b.created_at >= ws and b.created_at < ws + interval '7 days'), 0)
from weeks order by ws;
