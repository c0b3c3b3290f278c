package rapport.ingest;

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

    static final String UPSERT_PERSONS = """
            insert into person (network, author_id, handle)
            select distinct on (network, author_id) network, author_id, author_handle
            from stage_message where not from_brand
            order by network, author_id, line desc
            on conflict (network, author_id) do update set handle = excluded.handle
            where person.handle is distinct from excluded.handle""";

    static final String CREATE_TOUCHED = "create temp table touched (id bigint primary key, inserted boolean not null) on commit drop";

    /** The last copy of a message in the file wins, and replaces a stored copy only when something differs. */
    static final String UPSERT_MESSAGES = """
            with latest as (
                select distinct on (network, message_id) *
                from stage_message
                order by network, message_id, line desc
            ), written as (
                insert into message (network, message_id, account_id, person_id, author_id, author_handle,
                                     from_brand, kind, created_at, in_reply_to, text, import_id)
                select l.network, l.message_id, a.id, p.id, l.author_id, l.author_handle,
                       l.from_brand, l.kind, l.created_at, l.in_reply_to, l.text, ?
                from latest l
                join account a on a.network = l.network and a.handle = l.account
                left join person p on not l.from_brand and p.network = l.network and p.author_id = l.author_id
                on conflict (network, message_id) do update set
                    account_id = excluded.account_id, person_id = excluded.person_id,
                    author_id = excluded.author_id, author_handle = excluded.author_handle,
                    from_brand = excluded.from_brand, kind = excluded.kind, created_at = excluded.created_at,
                    in_reply_to = excluded.in_reply_to, text = excluded.text, import_id = excluded.import_id
                where (message.account_id, message.person_id, message.author_id, message.author_handle,
                       message.from_brand, message.kind, message.created_at, message.in_reply_to, message.text)
                      is distinct from
                      (excluded.account_id, excluded.person_id, excluded.author_id, excluded.author_handle,
                       excluded.from_brand, excluded.kind, excluded.created_at, excluded.in_reply_to, excluded.text)
                returning id, xmax = 0 as inserted
            )
            insert into touched select id, inserted from written""";

    static final String COUNT_INSERTED = "select count(*) filter (where inserted) from touched";

    /** Messages written now point at their parent, if it is in the data. */
    static final String LINK_WRITTEN_TO_PARENTS = """
            update message m
            set parent_id = (select p.id from message p where p.network = m.network and p.message_id = m.in_reply_to)
            where m.id in (select id from touched)""";

    /** Parents that arrive after their replies re-link the replies' threads (METRICS.md §1). */
    static final String LINK_WAITING_CHILDREN = """
            update message c
            set parent_id = p.id
            from message p
            join touched t on t.id = p.id and t.inserted
            where c.network = p.network and c.in_reply_to = p.message_id and c.parent_id is distinct from p.id""";

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
            select count(*) filter (where inserted) from written""";

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
            select count(*) filter (where inserted) from written""";

    /** One import at a time: concurrent upserts of the same persons would otherwise deadlock. */
    static final String IMPORT_LOCK = "select pg_advisory_xact_lock(7226)";

    static final String CREATE_IMPORT = "insert into import (format, file_name, state) values (?, ?, 'running') returning id";

    static final String FINISH_IMPORT = """
            update import set state = ?, finished_at = now(), rows_read = ?, inserted = ?, updated = ?,
                              rejected = ?, unattributed = ?, error = ?
            where id = ?""";

    static final String INSERT_REJECTED = """
            insert into rejected_row (import_id, line, field, reason, unattributed, raw) values (?, ?, ?, ?, ?, ?)""";

    static final String FIND_IMPORT = """
            select id, format, file_name, state, started_at, finished_at, rows_read, inserted, updated,
                   rejected, unattributed, error
            from import where id = ?""";

    static final String RECENT_IMPORTS = """
            select id, format, file_name, state, started_at, finished_at, rows_read, inserted, updated,
                   rejected, unattributed, error
            from import order by id desc limit ?""";

    static final String REJECTED_ROWS = """
            select line, field, reason, unattributed, raw from rejected_row
            where import_id = ? order by line, id limit ?""";
}
