package rapport.metrics.facts;

/**
 * Every statement over {@code person_day} (migration V12): one row per account, person and local day the person was
 * active, with that day's amplifications. Periods and 90-day windows start at local midnight, so person-level
 * figures need nothing finer than a day; across several accounts, a person's days are united. The rebuilds of
 * {@code account_day} (V65) and {@code reply_day} (V67), cut in the same zone, are here too.
 */
final class PersonDaySql {

    private PersonDaySql() {
    }

    /** The import lock (IngestSql.IMPORT_LOCK): a rebuild must not interleave with an import. */
    static final String IMPORT_LOCK = "select pg_advisory_xact_lock(7226)";

    /** The brand-voice drain's lock (VoiceSql.DRAIN_LOCK): no drain cuts reply days in the zone being replaced. */
    static final String DRAIN_LOCK = "select pg_advisory_xact_lock(7227)";

    static final String ZONE = "select zone from person_day_state for update";

    /** The person days, the account days (V65) and the reply days (V67), all cut in the zone. */
    static final String FORGET = "truncate person_day, account_day, reply_day";

    static final String SET_ZONE = "update person_day_state set zone = ?";

    /** Every account's days again, in the new zone (the triggers keep them from then on). */
    static final String BUILD = """
            insert into person_day (account_id, person_id, day, shares)
            select account_id, person_id, (created_at at time zone ?)::date, count(*) filter (where kind = 'share')
            from message where not from_brand and kind <> 'reaction'
            group by 1, 2, 3""";

    /** Every account's message counts per day again, in the zone just set (V65's triggers keep them from then on). */
    static final String BUILD_ACCOUNT_DAYS = "select build_account_days()";

    /** Every account's grouped and canned brand replies per day again (V67's triggers keep them from then on). */
    static final String BUILD_REPLY_DAYS = "select build_reply_days()";

    /**
     * The scope of the COPY below (parameters: its account ids as an array's text, then the range of person ids
     * [from, to) read, as text), for this transaction.
     */
    static final String SET_SCOPE = """
            select set_config('rapport.person_day_scope', ?, true), set_config('rapport.person_day_from', ?, true),
                   set_config('rapport.person_day_to', ?, true)""";

    /** The lowest and highest person id with a day (from the index of a person's days). */
    static final String PERSON_ID_RANGE = "select coalesce(min(person_id), 0), coalesce(max(person_id), 0) from person_day";

    /**
     * A scope's days person by person, in day order, as epoch days, tab-separated: what PersonDayScan walks through
     * once (a COPY takes no parameters: the scope is read from the setting, once). A person active in several of
     * the accounts on one day has a row per account, one after the other, which the reader adds up (in PostgreSQL
     * a grouping doubled the statement's time).
     */
    static final String COPY_SCOPE_DAYS_BY_PERSON = """
            copy (select person_id, day - date '1970-01-01', shares from person_day
                  where account_id = any((select current_setting('rapport.person_day_scope')::int[])::int[])
                    and person_id >= (select current_setting('rapport.person_day_from')::bigint)
                    and person_id < (select current_setting('rapport.person_day_to')::bigint)
                  order by person_id, day) to stdout""";

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
}
