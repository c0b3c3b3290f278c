package rapport.metrics.memory;

/** Every statement the in-memory engine runs: it reads a scope's rows once, the rest is computed in memory. */
final class ScopeSql {

    private ScopeSql() {
    }

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
}
