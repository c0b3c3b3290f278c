package rapport.people;

/** The SQL of erasing one person (right to erasure): everything of theirs goes; only who erased whom, and when, stays. */
final class ErasureSql {

    private ErasureSql() {
    }

    static final String PERSON = "select id from person where network = ? and author_id = ? for update";

    static final String ACCOUNTS = "select coalesce(array_agg(distinct account_id), '{}') from message where person_id = ?";

    /** Replies to their messages stay (the brand's words), but their parent is now absent from the data (METRICS.md §1). */
    static final String UNLINK_REPLIES = """
            update message set parent_id = null
            where parent_id in (select id from message where person_id = ?)""";

    static final String MESSAGES = "delete from message where person_id = ?";

    static final String SURVEYS = "delete from survey_response where network = ? and author_id = ?";

    static final String FACTS = "delete from person_summary where person_id = ?";

    static final String PERSON_ROW = "delete from person where id = ?";

    /** Precomputed metrics of every scope holding one of their accounts are dropped; they are computed again. */
    static final String ROLLUP_VALUES = "delete from metric_rollup where string_to_array(scope, '+')::int[] && ?::int[]";

    static final String ROLLUP_STATES = "delete from rollup_state where string_to_array(scope, '+')::int[] && ?::int[]";

    static final String LOG = """
            insert into erasure_log (erased_by, network, author_id, messages, surveys) values (?, ?, ?, ?, ?)
            returning erased_at""";
}
