-- personalization_score: 100 × (1 − canned_reply_share); null when the week has no brand reply
-- APPROXIMATION (not METRICS.md's rule): METRICS.md groups near-duplicate brand replies by the Jaccard similarity
-- of their word 3-grams (≥ 0.8, connected groups), which is not something one writes in a BI tool. Here a
-- "template" is a normalised text (lower-case; URLs → <url>; @handles → @user; digit runs → 0; a trailing
-- sign-off such as " ^JD" removed once; other punctuation → space; white space collapsed) shared by ≥ 3 of the
-- account's brand replies (all time) addressed to ≥ 3 distinct persons. It finds exact-after-normalisation
-- duplicates only, so it can be lower than the product's figure, never higher.
with weeks as (  -- ISO weeks (UTC) whose start date lies in [from, to]
    select d::date as week_start, d at time zone 'UTC' as p_start, (d + interval '7 days') at time zone 'UTC' as p_end
    from generate_series(date_trunc('week', (:'from'::date + 6)::timestamp), (:'to'::date)::timestamp, interval '1 week') d),
brand_reply as (  -- brand messages, not shares or reactions, whose parent (in the account) a person wrote
    select r.id, r.created_at, p.person_id as addressed_to,
           btrim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
               lower(r.text),
               '(https?://|www\.)\S*', '<url>', 'g'),
               '@[A-Za-z0-9_]+', '@user', 'g'),
               '[0-9]+', '0', 'g'),
               '(^|\s)[-^/]\s*[[:alpha:]]{1,3}\s*$', ''),
               '[^[:alnum:]_@<>[:space:]]', ' ', 'g'),
               '\s+', ' ', 'g'), ' ') as normalised
    from message r join message p on p.id = r.parent_id and p.account_id = r.account_id
    where r.account_id = :account_id and r.from_brand and r.kind not in ('share', 'reaction') and not p.from_brand),
template as (
    select normalised from brand_reply group by normalised
    having count(*) >= 3 and count(distinct addressed_to) >= 3)
select w.week_start, 100 * (1 - count(t.normalised)::float8 / nullif(count(r.id), 0)) as value
from weeks w
left join brand_reply r on r.created_at >= w.p_start and r.created_at < w.p_end
left join template t on t.normalised = r.normalised
group by w.week_start
order by w.week_start;
