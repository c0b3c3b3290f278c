package rapport.metrics.freshness;

/** The statements of "has the data changed": per-account data versions, bumped in every writer's transaction. */
public final class FreshnessSql {

    private FreshnessSql() {
    }

    /** The scope's accounts with their data versions (V10), one string: what cached figures are labelled with. */
    public static final String SCOPE_VERSIONS = """
            select coalesce(string_agg(account_id || ':' || version, ',' order by account_id), '')
            from account_data_version where account_id = any(?)""";
}
