package rapport.accounts;

/** The statements that delete an account's data, in the order they run (one transaction). */
final class AccountSql {

    private AccountSql() {
    }

    /** The lock imports hold (IngestSql.IMPORT_LOCK): a deletion never interleaves with an import. */
    static final String IMPORT_LOCK = "select pg_advisory_xact_lock(7226)";

    static final String FIND = "select id from account where network = ? and handle = ?";

    /** Replies in other accounts to the deleted messages wait for their parent again, as if it had never come. */
    static final String UNLINK_REPLIES_FROM_OTHER_ACCOUNTS = """
            update message c set parent_id = null
            from message p
            where p.account_id = ? and c.parent_id = p.id and c.account_id <> p.account_id""";

    static final String DELETE_MESSAGES = "delete from message where account_id = ?";

    static final String DELETE_FOLLOWER_SNAPSHOTS = "delete from follower_snapshot where account_id = ?";

    /** Precomputed figures of every scope that held the account (scopes are account ids joined by '+'). */
    static final String DELETE_ROLLUPS = "delete from metric_rollup where ?::text = any(string_to_array(scope, '+'))";

    static final String DELETE_ROLLUP_STATES = "delete from rollup_state where ?::text = any(string_to_array(scope, '+'))";

    static final String DELETE_ACCOUNT = "delete from account where id = ?";
}
