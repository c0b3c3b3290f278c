package rapport.metrics.freshness;

/** The statements of "has the data changed": per-account data versions, bumped in every writer's transaction. */
public final class FreshnessSql {

    private FreshnessSql() {
    }

    /** The scope's accounts with their data versions (V10), one string: what cached figures are labelled with. */
    public static final String SCOPE_VERSIONS = """
            select coalesce(string_agg(account_id || ':' || version, ',' order by account_id), '')
            from account_data_version where account_id = any(?)""";

    /** The same, and each account's count of changes (V63), in account order, to ask the change log about later. */
    static final String SCOPE_VERSIONS_AND_CHANGES = """
            select coalesce(string_agg(account_id || ':' || version, ',' order by account_id), ''),
                   coalesce(array_agg(account_id order by account_id), '{}'),
                   coalesce(array_agg(changes order by account_id), '{}')
            from account_data_version where account_id = any(?)""";

    /**
     * Per account of the scope (parameter 1) and its count of changes then (parameters 2-3: ids and counts): its
     * count now, whether the log still holds the change after the one counted then, and the earliest instant
     * (µs; null when '-infinity') and whether one is '-infinity', over the changes logged since (V63).
     */
    static final String CHANGES_SINCE = """
            select a.id, b.changes, v.changes,
                   exists (select 1 from account_change c where c.account_id = a.id and c.change_no = b.changes + 1),
                   since.earliest_at = '-infinity',
                   case when isfinite(since.earliest_at) then (extract(epoch from since.earliest_at) * 1000000)::bigint end
            from unnest(?::int[]) a(id)
            left join unnest(?::int[], ?::bigint[]) b(account_id, changes) on b.account_id = a.id
            left join account_data_version v on v.account_id = a.id
            left join lateral (select min(c.earliest_at) as earliest_at from account_change c
                               where c.account_id = a.id and c.change_no > b.changes) since on true""";
}
