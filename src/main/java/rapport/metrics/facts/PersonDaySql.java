package rapport.metrics.facts;

/**
 * Every statement over {@code person_day} (migration V12): one row per account, person and local day the
 * person was active, with that day's amplifications. Periods and 90-day windows start at local midnight, so
 * person-level figures need nothing finer than a day; across several accounts, a person's days are united.
 */
final class PersonDaySql {

    private PersonDaySql() {
    }

    /** The import lock (IngestSql.IMPORT_LOCK): a rebuild must not interleave with an import. */
    static final String IMPORT_LOCK = "select pg_advisory_xact_lock(7226)";

    static final String ZONE = "select zone from person_day_state for update";

    static final String FORGET = "truncate person_day";

    static final String SET_ZONE = "update person_day_state set zone = ?";

    /** Every account's days again, in the new zone (the triggers keep them from then on). */
    static final String BUILD = """
            insert into person_day (account_id, person_id, day, shares)
            select account_id, person_id, (created_at at time zone ?)::date, count(*) filter (where kind = 'share')
            from message where not from_brand and kind <> 'reaction'
            group by 1, 2, 3""";

    /** A scope's days, each person's days united over its accounts. */
    private static final String SCOPE_DAYS = """
            select person_id, day, sum(shares) as shares from person_day where account_id = any(?) group by person_id, day""";

    /**
     * Per period (start date, grain week or month): active persons, those with no active day before (new) and
     * those whose last active day before the period is within the 90 days before its start (repeat). A person's
     * first day in a period is found by its previous active day falling before the period.
     */
    static final String ACTIVITY_PER_PERIOD = """
            with d as (""" + SCOPE_DAYS + """
            ), x as (
                select day, lag(day) over (partition by person_id order by day) as prev,
                       date_trunc(?, day)::date as period
                from d
            )
            select period, count(*) as active,
                   count(*) filter (where prev is null) as newcomers,
                   count(*) filter (where prev >= period - 90) as repeat
            from x
            where (prev is null or prev < period) and period between ? and ?
            group by period""";

    /**
     * Tier counts at each end date (METRICS.md §5) over W = [end − 90 days, end): distinct ISO weeks active and
     * amplifications per person; lapsed = persons first active before W less those active in W.
     */
    static final String TIERS_AT_ENDS = """
            with e as (select distinct unnest(?::date[]) as e),
            d as (""" + SCOPE_DAYS + """
            ), first as (
                select person_id, min(day) as first_day from d group by person_id
            ), w as (
                select e.e, d.person_id, count(distinct date_trunc('week', d.day)) as weeks, sum(d.shares) > 0 as shared
                from e join d on d.day >= e.e - 90 and d.day < e.e
                group by e.e, d.person_id
            )
            select e.e,
                   count(w.person_id) filter (where w.weeks >= 3 and w.shared) as advocates,
                   count(w.person_id) filter (where w.weeks >= 2 and not (w.weeks >= 3 and w.shared)) as regulars,
                   count(w.person_id) filter (where w.weeks = 1) as participants,
                   (select count(*) from first f where f.first_day < e.e - 90)
                       - count(w.person_id) filter (where f.first_day < e.e - 90) as lapsed
            from e
            left join w on w.e = e.e
            left join first f on f.person_id = w.person_id
            group by e.e""";
}
