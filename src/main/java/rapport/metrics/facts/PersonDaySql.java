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

    /** Each person's tier at end date e over W = [e − 90, e), for the persons active in W (with their first day). */
    private static final String TIERS_OF_ACTIVE = """
            d as (""" + SCOPE_DAYS + """
            ), first as (
                select person_id, min(day) as first_day from d group by person_id
            ), w as (
                select e.e, d.person_id, count(distinct date_trunc('week', d.day)) as weeks, sum(d.shares) > 0 as shared
                from e join d on d.day >= e.e - 90 and d.day < e.e
                group by e.e, d.person_id
            ), tiered as (
                select e, person_id,
                       case when weeks >= 3 and shared then 'advocate' when weeks >= 2 then 'regular' else 'participant' end as tier
                from w
            )""";

    /**
     * Moves between tiers from end e0 to end e1 (pairs of the two arrays). Persons active in neither window are
     * lapsed at both ends when first active before e0's window, else without a tier at both: not a move.
     */
    static final String TIER_MOVES = """
            with pairs as (select * from unnest(?::date[], ?::date[]) p(e0, e1)),
            e as (select e0 as e from pairs union select e1 from pairs),
            """ + TIERS_OF_ACTIVE + """
            , moves as (
                select p.e0, p.e1, t.person_id,
                       max(t.tier) filter (where t.e = p.e0) as t0, max(t.tier) filter (where t.e = p.e1) as t1
                from pairs p join tiered t on t.e = p.e0 or t.e = p.e1
                group by p.e0, p.e1, t.person_id
            )
            select m.e1, coalesce(m.t0, case when f.first_day < m.e0 - 90 then 'lapsed' else 'none' end),
                   coalesce(m.t1, case when f.first_day < m.e1 - 90 then 'lapsed' else 'none' end), count(*)
            from moves m join first f on f.person_id = m.person_id
            group by 1, 2, 3
            union all
            select p.e1, 'lapsed', 'lapsed',
                   (select count(*) from first f where f.first_day < p.e0 - 90)
                   - (select count(*) from moves m join first f on f.person_id = m.person_id
                      where m.e1 = p.e1 and f.first_day < p.e0 - 90)
            from pairs p""";

    /** Per cohort (the period of a person's first active day) in [from, to]: persons active in each period up to the last. */
    static final String COHORTS = """
            with d as (""" + SCOPE_DAYS + """
            ), x as (
                select person_id, date_trunc(?, day)::date as period from d group by 1, 2
            ), c as (
                select person_id, min(period) as cohort from x group by person_id
            )
            select c.cohort, x.period, count(*)
            from c join x on x.person_id = c.person_id
            where c.cohort between ? and ? and x.period <= ?
            group by 1, 2""";

    /** Survey answers of persons with an active day in the scope's accounts, ever, dated in [from, to). */
    private static final String ANSWERS = """
            select p.id as person_id, s.day, s.score
            from survey_response s join person p on p.network = s.network and p.author_id = s.author_id
            where s.day >= ? and s.day < ?
              and exists (select 1 from person_day d where d.person_id = p.id and d.account_id = any(?))""";

    /** NPS tallies per period (grain week or month) of the answers dated in [from, to). */
    static final String NPS_PER_PERIOD = """
            select date_trunc(?, r.day)::date, count(*), count(*) filter (where r.score >= 9),
                   count(*) filter (where r.score <= 6)
            from (""" + ANSWERS + """
            ) r group by 1""";

    /** NPS tallies per tier of the respondent at the end of the survey's day (METRICS.md §5). */
    static final String NPS_BY_TIER = """
            with r as (""" + ANSWERS + """
            ), t as (
                select r.score, r.day + 1 as e,
                       (select count(distinct date_trunc('week', d.day)) from person_day d
                        where d.person_id = r.person_id and d.account_id = any(?) and d.day >= r.day + 1 - 90 and d.day < r.day + 1) as weeks,
                       (select coalesce(sum(d.shares), 0) from person_day d
                        where d.person_id = r.person_id and d.account_id = any(?) and d.day >= r.day + 1 - 90 and d.day < r.day + 1) as shares,
                       (select min(d.day) from person_day d where d.person_id = r.person_id and d.account_id = any(?)) as first_day
                from r
            )
            select case when weeks >= 3 and shares > 0 then 'advocate' when weeks >= 2 then 'regular'
                        when weeks = 1 then 'participant' when first_day < e - 90 then 'lapsed' else 'none' end,
                   count(*), count(*) filter (where score >= 9), count(*) filter (where score <= 6)
            from t group by 1""";

    /** Tier counts at each end date (METRICS.md §5); lapsed = persons first active before W less those active in W. */
    static final String TIERS_AT_ENDS = """
            with e as (select distinct unnest(?::date[]) as e),
            """ + TIERS_OF_ACTIVE + """
            select e.e,
                   count(t.person_id) filter (where t.tier = 'advocate'),
                   count(t.person_id) filter (where t.tier = 'regular'),
                   count(t.person_id) filter (where t.tier = 'participant'),
                   (select count(*) from first f where f.first_day < e.e - 90)
                       - count(t.person_id) filter (where f.first_day < e.e - 90)
            from e
            left join tiered t on t.e = e.e
            left join first f on f.person_id = t.person_id
            group by e.e""";
}
