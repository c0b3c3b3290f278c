package rapport.ingest;

import java.util.List;

/** Every statement the ingest feature runs: stage with COPY, then set-based upserts. */
final class IngestSql {

    private IngestSql() {
    }

    static final String STAGE_MESSAGES = """
            create temp table stage_message (
                line bigint, network text, account text, message_id text, author_id text, author_handle text,
                from_brand boolean, kind text, created_at timestamptz, in_reply_to text, text text
            ) on commit drop""";

    static final String COPY_MESSAGES = "copy stage_message from stdin (format csv)";

    static final String UPSERT_ACCOUNTS_FROM_MESSAGES = """
            insert into account (network, handle)
            select distinct network, account from stage_message
            on conflict (network, handle) do nothing""";

    /**
     * New persons only: a person's handle is kept per message, so the person row needs no update. Grouped
     * first and set apart, then inserted plainly (imports hold a lock, so no other writer can race them):
     * ON CONFLICT's speculative insertion cost twice as much per new person, and an insert that looks up
     * person in the same statement may rescan the pages it is writing (a nested loop over a table analysed
     * while empty took 70 s for 100k persons).
     */
    static final String CREATE_NEW_PERSONS = """
            create temp table new_person on commit drop as
            select g.network, g.author_id, g.handle
            from (select network, author_id, min(author_handle) as handle
                  from stage_message where not from_brand
                  group by network, author_id) g
            where not exists (select 1 from person p where p.network = g.network and p.author_id = g.author_id)""";

    static final String INSERT_NEW_PERSONS = "insert into person (network, author_id, handle) select network, author_id, handle from new_person";

    /**
     * After a large batch, the planner must know the new accounts and persons: with stale counts it hashed
     * the million-row side of the message insert's joins instead of the small ones (8.8 s instead of 5.8 s).
     */
    static final String ANALYZE_ACCOUNTS_AND_PERSONS = "analyze account, person";

    static final long ANALYZE_FROM_ROWS = 10_000;

    /** Bulk sorts and hashes stay in memory. */
    static final String IMPORT_WORK_MEM = "set local work_mem = '256MB'";

    static final String ANALYZE_STAGE = "analyze stage_message";

    /** Rows superseded by a later copy of the same message in the same file (usually none). */
    static final String DROP_SUPERSEDED = """
            delete from stage_message s
            using (select network, message_id, max(line) as last_line
                   from stage_message group by network, message_id having count(*) > 1) d
            where s.network = d.network and s.message_id = d.message_id and s.line < d.last_line""";

    /**
     * Each staged message with its id decided up front (the stored id, or a new one), so that parents in the
     * same file link in one pass, and its parent among the stored messages, looked up here so that the
     * statements writing message never read it.
     */
    static final String CREATE_BATCH = """
            create temp table batch on commit drop as
            select s.*, coalesce(m.id, nextval('message_id_seq')) as id, m.id is null as is_new, pm.id as stored_parent_id
            from stage_message s
            left join message m on m.network = s.network and m.message_id = s.message_id
            left join message pm on pm.network = s.network and pm.message_id = s.in_reply_to""";

    static final String ANALYZE_BATCH = "analyze batch";

    /** The batch's rows as message rows, parents resolved from the batch itself or the stored data. */
    private static final String BATCH_AS_MESSAGES = """
            select b.id, b.network, b.message_id, a.id as account_id, p.id as person_id, b.author_id, b.author_handle,
                   b.from_brand, b.kind, b.created_at, b.in_reply_to, b.text, coalesce(pb.id, b.stored_parent_id) as parent_id, b.is_new
            from batch b
            join account a on a.network = b.network and a.handle = b.account
            left join person p on not b.from_brand and p.network = b.network and p.author_id = b.author_id
            left join batch pb on pb.network = b.network and pb.message_id = b.in_reply_to""";

    /** New messages: a plain insert (imports hold a lock, so no other writer can race it). */
    static final String INSERT_NEW_MESSAGES = """
            insert into message (id, network, message_id, account_id, person_id, author_id, author_handle,
                                 from_brand, kind, created_at, in_reply_to, text, parent_id, import_id)
            select id, network, message_id, account_id, person_id, author_id, author_handle,
                   from_brand, kind, created_at, in_reply_to, text, parent_id, ?
            from (""" + BATCH_AS_MESSAGES + """
            ) n where is_new""";

    /** Messages seen before: replaced only when a field differs, so re-importing a file writes nothing. */
    static final String UPDATE_CHANGED_MESSAGES = """
            update message m set
                account_id = c.account_id, person_id = c.person_id, author_id = c.author_id,
                author_handle = c.author_handle, from_brand = c.from_brand, kind = c.kind,
                created_at = c.created_at, in_reply_to = c.in_reply_to, text = c.text, parent_id = c.parent_id,
                import_id = ?
            from (""" + BATCH_AS_MESSAGES + """
            ) c
            where not c.is_new and m.id = c.id
              and (m.account_id, m.person_id, m.author_id, m.author_handle, m.from_brand, m.kind, m.created_at,
                   m.in_reply_to, m.text, m.parent_id)
                  is distinct from
                  (c.account_id, c.person_id, c.author_id, c.author_handle, c.from_brand, c.kind, c.created_at,
                   c.in_reply_to, c.text, c.parent_id)""";

    static final String COUNT_NEW = "select count(*) from batch where is_new";

    /** Parents that arrive after their replies (another file, another day) re-link the replies' threads (METRICS.md §1). */
    static final String LINK_WAITING_CHILDREN = """
            update message c
            set parent_id = b.id
            from batch b
            where b.is_new and c.network = b.network and c.in_reply_to = b.message_id
              and c.in_reply_to is not null and c.parent_id is null""";

    /**
     * A bulk import adds its new messages' person days itself (migration V13): the insert trigger leaves them
     * while this transaction-local setting is on, and the statements below add them in one sorted insert.
     */
    static final String IMPORT_ADDS_PERSON_DAYS = "set local rapport.import_adds_person_days = on";

    static final String TRIGGERS_ADD_PERSON_DAYS = "set local rapport.import_adds_person_days = off";

    /**
     * The new messages' person days, derived as the V12 trigger derives them (none before the zone is set),
     * from the batch as INSERT_NEW_MESSAGES stored it: joining the small account and person tables is cheaper
     * than reading the million new messages back.
     */
    static final String CREATE_IMPORTED_PERSON_DAYS = """
            create temp table imported_person_day on commit drop as
            select a.id as account_id, p.id as person_id, (b.created_at at time zone z.zone)::date as day,
                   count(*) filter (where b.kind = 'share')::int as shares
            from batch b
            join account a on a.network = b.network and a.handle = b.account
            join person p on p.network = b.network and p.author_id = b.author_id
            cross join person_day_state z
            where b.is_new and z.zone is not null and not b.from_brand and b.kind <> 'reaction'
            group by 1, 3, 2""";

    static final String ANALYZE_IMPORTED_PERSON_DAYS = "analyze imported_person_day";

    /** Days the person already had (earlier imports of the account): only their amplifications grow. */
    static final String GROW_STORED_PERSON_DAYS = """
            update person_day p set shares = p.shares + i.shares
            from imported_person_day i
            where p.account_id = i.account_id and p.day = i.day and p.person_id = i.person_id and i.shares > 0""";

    /** Those days are done; the rest are new. */
    static final String SET_APART_STORED_PERSON_DAYS = """
            delete from imported_person_day i
            using person_day p
            where p.account_id = i.account_id and p.day = i.day and p.person_id = i.person_id""";

    /**
     * The new days: a plain insert in primary key order (imports hold a lock, no other writer races it) that
     * does not read person_day, so no plan can rescan the pages it is writing.
     */
    static final String INSERT_NEW_PERSON_DAYS = """
            insert into person_day (account_id, person_id, day, shares)
            select account_id, person_id, day, shares from imported_person_day
            order by account_id, day, person_id""";

    /** Planner's row count of message, kept current by autovacuum and the bulk path's analyze; -1 before the first. */
    static final String MESSAGE_ROWS_ESTIMATE = "select greatest(reltuples, 0)::bigint from pg_class where oid = 'message'::regclass";

    /**
     * After a bulk insert, the planner must know the new rows before the statements that join them (person
     * days, late parents) and the dashboard's first requests plan against them, the thread facts the triggers
     * wrote too (without it, the first all-accounts dashboard after a 1M-row import into an empty workspace
     * planned the conversation family over a "nearly empty" message_fact: 45 s instead of 2). It counts this
     * transaction's own rows, and takes no lock that readers or the insert wait for.
     */
    static final String ANALYZE_MESSAGES = "analyze message, message_fact";

    static final String ANALYZE_PERSON_DAYS = "analyze person_day";

    static final String STAGE_FOLLOWERS = """
            create temp table stage_follower (line bigint, network text, account text, day date, followers bigint)
            on commit drop""";

    static final String COPY_FOLLOWERS = "copy stage_follower from stdin (format csv)";

    static final String UPSERT_ACCOUNTS_FROM_FOLLOWERS = """
            insert into account (network, handle)
            select distinct network, account from stage_follower
            on conflict (network, handle) do nothing""";

    static final String UPSERT_FOLLOWERS = """
            with latest as (
                select distinct on (network, account, day) * from stage_follower
                order by network, account, day, line desc
            ), written as (
                insert into follower_snapshot (account_id, day, followers)
                select a.id, l.day, l.followers
                from latest l join account a on a.network = l.network and a.handle = l.account
                on conflict (account_id, day) do update set followers = excluded.followers
                where follower_snapshot.followers <> excluded.followers
                returning xmax = 0 as inserted
            )
            select count(*) filter (where inserted), count(*) filter (where not inserted), (select count(*) from latest)
            from written""";

    static final String STAGE_SURVEYS = """
            create temp table stage_survey (line bigint, network text, author_id text, day date, score int)
            on commit drop""";

    static final String COPY_SURVEYS = "copy stage_survey from stdin (format csv)";

    static final String UPSERT_SURVEYS = """
            with latest as (
                select distinct on (network, author_id, day) * from stage_survey
                order by network, author_id, day, line desc
            ), written as (
                insert into survey_response (network, author_id, day, score)
                select network, author_id, day, score from latest
                on conflict (network, author_id, day) do update set score = excluded.score
                where survey_response.score <> excluded.score
                returning xmax = 0 as inserted
            )
            select count(*) filter (where inserted), count(*) filter (where not inserted), (select count(*) from latest)
            from written""";

    /** The data versions (migration V10) handed out so far; read after the import lock. */
    static final String DATA_VERSION_NOW = "select coalesce(max(version), 0) from account_data_version";

    /** Accounts whose data this import changed (or, conservatively, another writer meanwhile). */
    static final String ACCOUNTS_CHANGED_SINCE = "select account_id from account_data_version where version > ?";

    /** One import at a time: concurrent upserts of the same persons would otherwise deadlock. */
    static final String IMPORT_LOCK = "select pg_advisory_xact_lock(7226)";

    static final String CREATE_IMPORT = "insert into import (format, file_name, state) values (?, ?, 'running') returning id";

    static final String FINISH_IMPORT = """
            update import set state = ?, finished_at = clock_timestamp(), rows_read = ?, inserted = ?, updated = ?,
                              rejected = ?, unattributed = ?, error = ?, unchanged = ?
            where id = ?""";

    static final String INSERT_REJECTED = """
            insert into rejected_row (import_id, line, field, reason, unattributed, raw) values (?, ?, ?, ?, ?, ?)""";

    static final String FIND_IMPORT = """
            select id, format, file_name, state, started_at, finished_at, rows_read, inserted, updated,
                   unchanged, rejected, unattributed, error, problems_not_kept
            from import where id = ?""";

    static final String RECENT_IMPORTS = """
            select id, format, file_name, state, started_at, finished_at, rows_read, inserted, updated,
                   unchanged, rejected, unattributed, error, problems_not_kept
            from import order by id desc limit ?""";

    static final String REJECTED_ROWS = """
            select line, field, reason, unattributed, raw from rejected_row
            where import_id = ? order by line, id limit ?""";
}
