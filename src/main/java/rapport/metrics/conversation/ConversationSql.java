package rapport.metrics.conversation;

/**
 * Every statement over {@code message_fact} (migration V60): conversations, brand replies and inbound turns of a
 * set of accounts, aggregated per period in PostgreSQL. A thread that replies across two accounts of the scope is
 * derived again for the scope (the same members under the scope's root); every other thread's rows add up as kept.
 */
final class ConversationSql {

    private ConversationSql() {
    }

    /**
     * The scope (parameter 1: account ids) and, when {@code joined}, the facts for the scope of the threads that
     * replies across its accounts join ({@code merged}, migration V60): they replace those messages' per-account
     * rows. A scope without such threads reads its kept rows alone, from the indexes (no row fetched to check it
     * against {@code merged}: at 10M messages, ten accounts over 52 weeks, 15 s against ~7 s).
     */
    private static String scope(boolean joined) {
        return """
                with scope as (
                    select ?::int[] as accounts
                )""" + (joined ? """
                , merged as materialized (
                    select f.* from scope s, lateral scope_thread_facts(s.accounts) f
                )""" : "") + "\n";
    }

    /** Rows of the scope's facts created in [p.from_at, p.to_at) passing the condition (a column of message_fact). */
    private static String scopeFacts(String condition, boolean joined) {
        String kept = """
                select f.root_id, f.person_id, f.deep_at, f.response_micros, f.created_at
                from message_fact f, scope s
                where f.%1$s and f.account_id = any(s.accounts) and f.created_at >= p.from_at and f.created_at < p.to_at""";
        return (joined ? kept + """

                  and not exists (select 1 from merged x where x.id = f.id)
                union all
                select root_id, person_id, deep_at, response_micros, created_at
                from merged where %1$s and created_at >= p.from_at and created_at < p.to_at""" : kept).formatted(condition);
    }

    /**
     * Per period (parameters 2-5: start dates, end dates, start and end instants in microseconds; 6-7: the range's
     * first day and the day after its last; 8: the SLA in microseconds): conversations, deep ones, brand replies; turns, answered, within the SLA, their openers and
     * those answered; the answered response times at the median's two middle ranks and at the 90th percentile's
     * nearest rank ⌈0.9 n⌉; brand posts, brand messages that are not reactions, persons' shares and reactions
     * (from the range's account days, V65, each put in its period by binary search of the periods' first days);
     * followers before the period's start and before its end.
     */
    static final String PER_PERIOD = perPeriod(true);

    /** The same for a scope whose accounts no thread crosses (parameters as above). */
    static final String PER_PERIOD_OWN = perPeriod(false);

    private static String perPeriod(boolean joined) {
        return scope(joined) + """
            , period as (
                select i, start_day, end_day,
                       timestamptz 'epoch' + start_us * interval '1 microsecond' as from_at,
                       timestamptz 'epoch' + end_us * interval '1 microsecond' as to_at
                from unnest(?::date[], ?::date[], ?::bigint[], ?::bigint[]) with ordinality u(start_day, end_day, start_us, end_us, i)
            ), days as materialized (
                -- the periods' first days, then the last one's end: period i holds the days [days[i], days[i + 1])
                select array_agg(start_day order by i) || (select end_day from period order by i desc limit 1) as at from period
            ), msg as (
                -- the range (parameters 6-7: its first day and the day after its last) as values, so that the plan fits
                select width_bucket(d.day, b.at) as i, sum(d.posts) as posts, sum(d.brand_messages) as brand_messages,
                       sum(d.shares) as shares, sum(d.reactions) as reactions
                from account_day d, scope s, days b
                where d.account_id = any(s.accounts) and d.day >= ? and d.day < ?
                group by 1
            )
            select p.i, conv.conversations, conv.deep, conv.brand_replies,
                   turn.turns, turn.answered, turn.within_sla, opener.openers, opener.answered_openers,
                   turn.sorted[(turn.answered + 1) / 2], turn.sorted[turn.answered / 2 + 1],
                   turn.sorted[greatest(ceil(0.9::float8 * turn.answered)::int, 1)],
                   coalesce(msg.posts, 0), coalesce(msg.brand_messages, 0), coalesce(msg.shares, 0), coalesce(msg.reactions, 0),
                   (select sum(followers) from scope s, unnest(s.accounts) a(id),
                           lateral (select followers from follower_snapshot fs where fs.account_id = a.id and fs.day < p.start_day
                                    order by fs.day desc limit 1) latest) as followers_at_start,
                   (select sum(followers) from scope s, unnest(s.accounts) a(id),
                           lateral (select followers from follower_snapshot fs where fs.account_id = a.id and fs.day < p.end_day
                                    order by fs.day desc limit 1) latest) as followers_at_end
            from period p
            cross join lateral (
                -- grouped by thread, not count(distinct): a hash, where distinct sorts every period's rows
                select count(*) as conversations, count(*) filter (where deep) as deep,
                       coalesce(sum(brand_replies), 0) as brand_replies
                from (select root_id, bool_or(deep_at < p.to_at) as deep,
                             count(*) filter (where person_id is null) as brand_replies
                      from (""" + scopeFacts("cross_party", joined) + """
                      ) x group by root_id) thread
            ) conv
            cross join lateral (
                -- the answered response times in order: the median's two middle ranks and the 90th percentile's
                -- nearest rank ⌈0.9 n⌉ are read from it
                select count(*) as turns, count(response_micros) as answered,
                       count(*) filter (where response_micros <= ?) as within_sla,
                       array_agg(response_micros order by response_micros) filter (where response_micros is not null) as sorted
                from (""" + scopeFacts("opens_turn", joined) + """
                ) t
            ) turn
            cross join lateral (
                select count(*) as openers, count(*) filter (where answered) as answered_openers
                from (select person_id, bool_or(response_micros is not null) as answered
                      from (""" + scopeFacts("opens_turn", joined) + """
                      ) t group by person_id) opener
            ) opener
            left join msg on msg.i = p.i
            order by p.i""";
    }

    /**
     * Inbound turns starting in consecutive periods (parameter 2: the periods' starts, then the last one's end, as
     * instants, kept apart so that they are parsed once; 3-4: the range's start and end), per period (1-based) and
     * per bucket of the answered ones (parameter 5: the buckets' upper bounds but the last, in microseconds; bucket
     * 0 is below the first), the unanswered ones under bucket null.
     */
    static final String RESPONSE_TIME_BUCKETS = responseTimeBuckets(true);

    /** The same for a scope whose accounts no thread crosses (parameters as above). */
    static final String RESPONSE_TIME_BUCKETS_OWN = responseTimeBuckets(false);

    private static String responseTimeBuckets(boolean joined) {
        return scope(joined) + """
            , bounds as materialized (
                select ?::text[]::timestamptz[] as at
            ), period as (
                select ?::timestamptz as from_at, ?::timestamptz as to_at
            )
            select width_bucket(t.created_at, b.at),
                   case when t.response_micros is not null then width_bucket(t.response_micros, ?::bigint[]) end, count(*)
            from period p, bounds b, lateral (""" + scopeFacts("opens_turn", joined) + """
            ) t
            group by 1, 2""";
    }

    /** Whether a reply in one account of the scope (parameters 1 and 2: its accounts) has its parent in another one of it. */
    static final String JOINS_ACCOUNTS = """
            select exists (select 1 from message_fact
                           where linked_account_id = any(?) and account_id = any(?) and linked_parent_id is not null)""";
}
