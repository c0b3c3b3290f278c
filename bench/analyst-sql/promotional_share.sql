-- promotional_share: brand posts (no in_reply_to) matching the default phrase list, over all brand posts
with weeks as (select generate_series(:'from'::date, :'to'::date, interval '1 week') as ws)
select ws::date, count(*) filter (where m.text ~* '(^|[^[:alnum:]_])(buy|shop|sale|discount|promo|coupon|deal|limited time|order now|follow us|retweet|giveaway|enter to win|link in bio|free shipping)([^[:alnum:]_]|$)|% off([^[:alnum:]_]|$)')::float8
                 / nullif(count(m.id), 0)
from weeks
left join message m on m.account_id = :account_id and m.from_brand and m.in_reply_to is null
                   and m.created_at >= ws and m.created_at < ws + interval '7 days'
group by ws order by ws;
