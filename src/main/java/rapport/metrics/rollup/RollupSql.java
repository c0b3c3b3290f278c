package rapport.metrics.rollup;

import rapport.metrics.freshness.FreshnessSql;

/** Every statement of the metric rollups: per scope and grain, one state row and its values. */
final class RollupSql {

    private RollupSql() {
    }

    static final String ACCOUNT_IDS = "select id from account order by id";

    /** The last migration applied (Flyway's history): rollups are labelled with it. */
    static final String SCHEMA_VERSION = """
            select coalesce(max(installed_rank), 0)::text from flyway_schema_history where success""";

    /** The rollup's values for a range, only if it is current and covers the whole range. */
    static final String READ = """
            select r.metric, r.period_start, r.value, r.n
            from rollup_state s
            join metric_rollup r on r.scope = s.scope and r.grain = s.grain
            where s.scope = ? and s.grain = ? and s.settings = ?
              and s.data_versions = (""" + FreshnessSql.SCOPE_VERSIONS + """
            )
              and s.first_start <= ? and s.last_start >= ?
              and r.period_start between ? and ?""";

    static final String IS_CURRENT = """
            select count(*) from rollup_state
            where scope = ? and grain = ? and settings = ? and data_versions = ?""";

    static final String DELETE_VALUES = "delete from metric_rollup where scope = ? and grain = ?";

    static final String COPY_VALUES = "copy metric_rollup (scope, grain, metric, period_start, value, n) from stdin (format csv)";

    static final String SAVE_STATE = """
            insert into rollup_state (scope, grain, data_versions, settings, first_start, last_start, compute_ms)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (scope, grain) do update set
                data_versions = excluded.data_versions, settings = excluded.settings,
                first_start = excluded.first_start, last_start = excluded.last_start,
                computed_at = now(), compute_ms = excluded.compute_ms""";

    /** Scopes no longer rolled up (an "all" of fewer accounts than there are now). */
    static final String DELETE_OTHER_STATES = "delete from rollup_state where not (scope = any(?))";

    static final String DELETE_OTHER_VALUES = "delete from metric_rollup where not (scope = any(?))";

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
