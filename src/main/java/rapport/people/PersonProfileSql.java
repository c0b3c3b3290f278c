package rapport.people;

/** Read-only SQL of one person's profile: their threads with the brand, tier history, survey answers. */
final class PersonProfileSql {

    private PersonProfileSql() {
    }

    static final String PERSON = "select id, network, author_id, coalesce(handle, author_id) from person where network = ? and author_id = ?";

    /**
     * The person's latest threads in the scope's accounts (parameters: person id, account ids, thread limit) with
     * every message of each, in order; for each inbound turn's first message the time to the brand's answer
     * (the rule of {@link PersonSummarySql#TURNS}, shares and reactions passed over). Threads stay in one account.
     */
    static final String THREADS = """
            with recursive up(id, parent_id, account_id) as (
                select id, parent_id, account_id from message where person_id = ? and account_id = any(?)
                union
                select p.id, p.parent_id, p.account_id from up join message p on p.id = up.parent_id and p.account_id = up.account_id
            ), roots as (
                select u.id, m.created_at from up u join message m on m.id = u.id
                where not exists (select 1 from message p where p.id = u.parent_id and p.account_id = u.account_id)
                order by m.created_at desc limit ?
            ), down(id, root, account_id) as (
                select r.id, r.id, m.account_id from roots r join message m on m.id = r.id
                union all
                select c.id, d.root, c.account_id from down d join message c on c.parent_id = d.id and c.account_id = d.account_id
            ), thread as (
                select d.root, m.id, m.message_id, m.created_at, m.kind, m.from_brand, m.person_id, m.author_handle, m.text,
                       a.network || '/' || a.handle as account
                from down d join message m on m.id = d.id join account a on a.id = m.account_id
            ), turns as (
                select id, case when not from_brand and (previous_brand is null or previous_brand) then answered_at end as answered_at,
                       not from_brand and (previous_brand is null or previous_brand) as opens_turn
                from (
                    select id, from_brand,
                           lag(from_brand) over (partition by root order by created_at, message_id) as previous_brand,
                           min(case when from_brand then created_at end) over (partition by root
                               order by created_at desc, message_id desc rows between unbounded preceding and 1 preceding) as answered_at
                    from thread where kind not in ('share', 'reaction')
                ) t
            )
            select t.root, t.message_id, t.created_at, t.kind, t.from_brand, t.person_id = ? as own, t.author_handle, t.text, t.account,
                   coalesce(u.opens_turn, false), extract(epoch from u.answered_at - t.created_at) / 60.0
            from thread t left join turns u on u.id = t.id
            order by (select min(created_at) from thread r where r.root = t.root) desc, t.root, t.created_at, t.message_id""";

    /**
     * The person's tier (METRICS.md §5, person_tier) at the end of each of the weeks ending on the given instants
     * (parameters: ends as timestamptz[], the window starts 90 days before each, time zone, person id, account ids).
     */
    static final String TIER_HISTORY = """
            select e.week_end, person_tier(
                       count(distinct date_trunc('week', m.created_at at time zone ?))
                           filter (where m.kind <> 'reaction' and m.created_at >= e.window_start and m.created_at < e.week_end),
                       count(*) filter (where m.kind = 'share' and m.created_at >= e.window_start and m.created_at < e.week_end),
                       min(m.created_at) filter (where m.kind <> 'reaction'), e.window_start)
            from unnest(?::timestamptz[], ?::timestamptz[]) as e(week_end, window_start)
            join message m on m.person_id = ? and m.account_id = any(?) and m.created_at < e.week_end
            group by e.week_end, e.window_start
            order by e.week_end""";

    static final String SURVEYS = "select day, score from survey_response where network = ? and author_id = ? order by day";

    static final String PERSON_ACCOUNTS = "select distinct account_id from message where person_id = ?";
}
