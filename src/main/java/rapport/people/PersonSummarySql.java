package rapport.people;

import java.util.List;

/**
 * The SQL that computes the people table from the stored messages (METRICS.md §3–5), one statement per step,
 * all run in one REPEATABLE READ transaction so that the rows are those of one snapshot of the data.
 * Parameters: the workspace time zone and the instants of the windows, computed in Java from the time zone.
 */
final class PersonSummarySql {

    private PersonSummarySql() {
    }

    /** The instant of the latest message: the window ends at the end of its ISO week. */
    static final String LATEST_MESSAGE = "select max(created_at) from message";

    /**
     * Messages with what the rules need of their parent. A parent in another account is absent for that
     * account's threads (scope hides everything else, docs/metrics.md); threads are therefore per account,
     * also for the "all" scope's rows.
     */
    static final String MESSAGES = """
            create temp table pm on commit drop as
            select m.id, m.account_id, m.person_id, m.from_brand, m.kind, m.created_at, m.message_id, m.parent_id,
                   coalesce(p.account_id = m.account_id, false) as parent_same, p.person_id as parent_person,
                   p.from_brand as parent_brand
            from message m left join message p on p.id = m.parent_id""";

    /** The same, only the messages picked for an incremental refresh (PICK). */
    static final String PICKED_MESSAGES = MESSAGES + " where m.id in (select id from pick)";

    /**
     * Incremental refresh, the persons whose rows are recomputed: everyone with a message in the changed accounts
     * now, or a row of theirs before (their last message there may be gone). Parameters: account ids, their scopes.
     */
    static final String DIRTY_PERSONS = """
            create temp table pd on commit drop as
            select person_id from message where account_id = any(?) and not from_brand and person_id is not null
            union
            select person_id from person_summary where scope = any(?)""";

    /**
     * Incremental refresh, the messages read: every message of the changed accounts (their rows are recomputed
     * whole), and in the other accounts the dirty persons' messages with their whole threads (walked up to the
     * root, then down again), which their all-accounts turns and conversations need. A cycle of bad data has no
     * root: its messages count only in the facts, as in the full computation. Parameters: account ids, twice.
     */
    static final String PICK = """
            create temp table pick on commit drop as
            with recursive mine as (
                select m.id, m.parent_id, m.account_id from message m join pd on pd.person_id = m.person_id
                where m.account_id <> all(?)
            ), up(id, parent_id, account_id) as (
                select id, parent_id, account_id from mine
                union
                select p.id, p.parent_id, p.account_id from up join message p on p.id = up.parent_id and p.account_id = up.account_id
            ), down(id, account_id) as (
                select u.id, u.account_id from up u
                where not exists (select 1 from message p where p.id = u.parent_id and p.account_id = u.account_id)
                union all
                select c.id, c.account_id from down d join message c on c.parent_id = d.id and c.account_id = d.account_id
            )
            select id from message where account_id = any(?)
            union select id from mine
            union select id from down""";

    /** Incremental refresh: the rows recomputed go first. Parameter: the changed accounts' scopes. */
    static final String CLEAR_DIRTY = "delete from person_summary where scope = any(?) or (scope = 'all' and person_id in (select person_id from pd))";

    static final String MESSAGES_INDEX = "create index on pm (parent_id) where parent_same";

    /** Each message's thread root: follow visible parents up (a cycle of bad data belongs to no thread). */
    static final String ROOTS = """
            create temp table pr on commit drop as
            with recursive walk(id, root) as (
                select id, id from pm where not parent_same
                union all
                select c.id, w.root from walk w join pm c on c.parent_id = w.id and c.parent_same
            )
            select id, root from walk""";

    /**
     * Inbound turns: in each thread ordered by (created_at, message_id), shares and reactions passed over, a
     * person message whose previous message is the brand's (or none) opens a turn; the first later brand
     * message answers it.
     */
    static final String TURNS = """
            create temp table pt on commit drop as
            select opener, account_id, started, answered_at from (
                select pm.account_id, pm.person_id as opener, pm.from_brand, pm.created_at as started,
                       lag(pm.from_brand) over (partition by r.root order by pm.created_at, pm.message_id) as previous_brand,
                       min(case when pm.from_brand then pm.created_at end) over (partition by r.root
                           order by pm.created_at desc, pm.message_id desc rows between unbounded preceding and 1 preceding) as answered_at
                from pm join pr r on r.id = pm.id
                where pm.kind not in ('share', 'reaction')
            ) t
            where not from_brand and (previous_brand is null or previous_brand)""";

    /** Threads in which a person and the brand replied to each other (a cross-party reply, either way). */
    static final String CONVERSATIONS = """
            create temp table pc on commit drop as
            select distinct case when pm.from_brand then pm.parent_person else pm.person_id end as person_id, pm.account_id, r.root
            from pm join pr r on r.id = pm.id
            where pm.kind not in ('share', 'reaction') and pm.parent_same and pm.parent_brand <> pm.from_brand""";

    static final String CLEAR = "delete from person_summary";

    /**
     * One row per person and scope (each account, and 'all' through the second grouping set).
     * Parameters: 1 time zone, 2 as_of, 3 W start (as_of − 90 days), 4 the earlier window's start (− 180 days).
     */
    static final String INSERT = """
            insert into person_summary (scope, person_id, network, author_id, handle, accounts, first_seen, last_seen,
                first_active, active_weeks, messages, conversations, inbound_turns, answered_turns, median_response_minutes,
                amplifications, reactions, tier, tier_before, latest_nps, waiting_since)
            with facts as (
                select case when grouping(m.account_id) = 1 then 'all' else m.account_id::text end as scope,
                       m.person_id, p.network, p.author_id, coalesce(p.handle, p.author_id) as handle,
                       string_agg(distinct a.network || '/' || a.handle, ',' order by a.network || '/' || a.handle) as accounts,
                       min(m.created_at) as first_seen, max(m.created_at) as last_seen,
                       min(m.created_at) filter (where m.kind <> 'reaction') as first_active,
                       count(distinct date_trunc('week', m.created_at at time zone ?))
                           filter (where m.kind <> 'reaction' and m.created_at >= ? and m.created_at < ?) as weeks_now,
                       count(*) filter (where m.kind = 'share' and m.created_at >= ? and m.created_at < ?) as shares_now,
                       count(distinct date_trunc('week', m.created_at at time zone ?))
                           filter (where m.kind <> 'reaction' and m.created_at >= ? and m.created_at < ?) as weeks_before,
                       count(*) filter (where m.kind = 'share' and m.created_at >= ? and m.created_at < ?) as shares_before,
                       count(*) as messages,
                       count(*) filter (where m.kind = 'share') as amplifications,
                       count(*) filter (where m.kind = 'reaction') as reactions
                from pm m join person p on p.id = m.person_id join account a on a.id = m.account_id
                where not m.from_brand
                group by grouping sets ((m.person_id, p.network, p.author_id, p.handle, m.account_id),
                                        (m.person_id, p.network, p.author_id, p.handle))
            ), turns as (
                select case when grouping(account_id) = 1 then 'all' else account_id::text end as scope, opener as person_id,
                       count(*) as inbound, count(answered_at) as answered,
                       percentile_cont(0.5) within group (order by extract(epoch from answered_at - started) / 60.0)
                           filter (where answered_at is not null) as median,
                       case when max(started) filter (where answered_at is null) = max(started) then max(started) end as waiting_since
                from pt group by grouping sets ((opener, account_id), (opener))
            ), conversations as (
                select case when grouping(account_id) = 1 then 'all' else account_id::text end as scope, person_id,
                       count(distinct root) as conversations
                from pc group by grouping sets ((person_id, account_id), (person_id))
            ), nps as (
                select distinct on (network, author_id) network, author_id, score
                from survey_response order by network, author_id, day desc
            )
            select f.scope, f.person_id, f.network, f.author_id, f.handle, f.accounts, f.first_seen, f.last_seen,
                   f.first_active, f.weeks_now, f.messages, coalesce(c.conversations, 0), coalesce(t.inbound, 0),
                   coalesce(t.answered, 0), t.median, f.amplifications, f.reactions,
                   person_tier(f.weeks_now, f.shares_now, f.first_active, ?),
                   person_tier(f.weeks_before, f.shares_before, f.first_active, ?),
                   n.score, t.waiting_since
            from facts f
            left join turns t on t.scope = f.scope and t.person_id = f.person_id
            left join conversations c on c.scope = f.scope and c.person_id = f.person_id
            left join nps n on n.network = f.network and n.author_id = f.author_id""";

    /**
     * Incremental refresh: a person's handle is that of their latest import, shown in every scope; an import into
     * one account may change it, so their rows of the other accounts take it too.
     */
    static final String DIRTY_HANDLES = """
            update person_summary s set handle = coalesce(p.handle, p.author_id) from person p
            where p.id = s.person_id and s.person_id in (select person_id from pd)
              and s.handle is distinct from coalesce(p.handle, p.author_id)""";

    /** INSERT for an incremental refresh: only the rows it recomputes. Extra parameter: the changed accounts' scopes. */
    static final String INSERT_DIRTY = INSERT + " where f.scope = any(?) or (f.scope = 'all' and f.person_id in (select person_id from pd))";

    /** Fresh statistics for the planner, in the same transaction: the pages' plans depend on them. */
    static final String ANALYZE = "analyze person_summary";

    static final String STATE = """
            insert into person_summary_state (id, as_of, period_start, computed_at, compute_ms) values (1, ?, ?, now(), ?)
            on conflict (id) do update set as_of = excluded.as_of, period_start = excluded.period_start,
                computed_at = excluded.computed_at, compute_ms = excluded.compute_ms""";

    static final List<String> PREPARE = List.of(MESSAGES, MESSAGES_INDEX, "analyze pm", ROOTS, TURNS, CONVERSATIONS);

    /** After PICK: the same steps over the picked messages only. */
    static final List<String> PREPARE_PICKED = List.of(PICKED_MESSAGES, MESSAGES_INDEX, "analyze pm", ROOTS, TURNS, CONVERSATIONS);

    static final String STATE_AS_OF = "select as_of from person_summary_state";

    static final String STATE_TIME = "update person_summary_state set computed_at = now(), compute_ms = ?";

    /** Each account's data version (migration V10), read in the refresh's own snapshot. */
    static final String ACCOUNT_VERSIONS = "select account_id, version from account_data_version";
}
