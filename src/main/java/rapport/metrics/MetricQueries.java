package rapport.metrics;

/** Every statement the metrics feature runs: it reads a scope's rows once, the rest is computed in memory. */
final class MetricQueries {

    private MetricQueries() {
    }

    /** The scope's accounts with their data versions (V10), one string: what cached figures are labelled with. */
    static final String SCOPE_VERSIONS = """
            select coalesce(string_agg(account_id || ':' || version, ',' order by account_id), '')
            from account_data_version where account_id = any(?)""";

    /** Brand texts only: template groups and promotional phrases look at nothing else. */
    static final String SCOPE_MESSAGES = """
            select m.id, m.message_id, m.account_id, m.person_id, m.from_brand, m.kind,
                   (extract(epoch from m.created_at) * 1000000)::bigint, m.parent_id,
                   m.in_reply_to is not null as has_reply_to, case when m.from_brand then m.text end as text
            from message m
            where m.account_id = any(?)
            order by m.created_at, m.message_id collate "C"
            """;

    static final String SCOPE_ACCOUNTS = """
            select id, network, handle, coalesce(promo_phrases, ?::text[]), own_domains
            from account where id = any(?)""";

    static final String FOLLOWER_SNAPSHOTS = """
            select account_id, day, followers from follower_snapshot
            where account_id = any(?) order by account_id, day""";

    /** Responses of persons with an active message in the scope's accounts, ever (METRICS.md §4, nps). */
    static final String SURVEYS_OF_ACTIVE_PERSONS = """
            select p.id, s.day, s.score
            from survey_response s
            join person p on p.network = s.network and p.author_id = s.author_id
            where exists (select 1 from message m
                          where m.person_id = p.id and m.account_id = any(?) and m.kind <> 'reaction')""";

    /**
     * The first and last day (workspace time zone, the first parameter) of a scope's data: its messages, follower
     * snapshots and the survey answers of its active persons. Null without any.
     */
    static final String SCOPE_BOUNDS = """
            with a as (select unnest(?::int[]) as id)
            select min(day), max(day) from (
                select ((select min(created_at) from message m where m.account_id = a.id) at time zone ?)::date as day from a
                union all
                select ((select max(created_at) from message m where m.account_id = a.id) at time zone ?)::date from a
                union all
                select day from follower_snapshot where account_id in (select id from a)
                union all
                select s.day from survey_response s join person p on p.network = s.network and p.author_id = s.author_id
                where exists (select 1 from person_day d where d.person_id = p.id and d.account_id in (select id from a))
            ) t""";
}
