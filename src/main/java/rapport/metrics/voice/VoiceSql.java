package rapport.metrics.voice;

/** Every statement of the brand-voice facts (migration V61): keeping them, and aggregating them per period. */
final class VoiceSql {

    private VoiceSql() {
    }

    /** One drain at a time, whichever app instance runs it: group maintenance reads what the last one wrote. */
    static final String DRAIN_LOCK = "select pg_advisory_xact_lock(7227)";

    static final String ANY_PENDING = "select exists (select 1 from voice_pending where account_id = any(?))";

    static final String PENDING_CHUNK = "select id, account_id, message_id from voice_pending where id > ? order by id limit ?";

    static final String DONE = "delete from voice_pending where id = any(?)";

    /** A brand message as it is now, with its parent when that is a person's message (absent: deleted). */
    static final String MESSAGES = """
            select m.id, m.account_id, m.kind, m.created_at, m.in_reply_to is null, m.text, p.account_id, p.person_id
            from message m
            left join message p on p.id = m.parent_id and not p.from_brand
            where m.id = any(?) and m.from_brand""";

    static final String ACCOUNT_SETTINGS = """
            select id, coalesce(promo_phrases, ?::text[]), own_domains from account where id = any(?)""";

    static final String ACCOUNT_POSTS = """
            select id, account_id, created_at, text from message
            where account_id = ? and from_brand and in_reply_to is null""";

    static final String FORGET_POSTS = "delete from brand_post where message_id = any(?)";

    static final String ADD_POST = """
            insert into brand_post (message_id, account_id, created_at, promotional) values (?, ?, ?, ?)""";

    static final String STORED_REPLIES = """
            select message_id, account_id, group_id, normalised, created_at, addressed, parent_account
            from brand_reply where message_id = any(?)""";

    static final String FORGET_REPLIES = "delete from brand_reply where message_id = any(?)";

    static final String COPY_REPLIES = """
            copy brand_reply (message_id, account_id, created_at, parent_account, addressed, normalised, text_key,
                              prefix, grams, group_id, canned) from stdin (format csv)""";

    /** A kept reply's time or addressed person moved (its text did not: its group stays). */
    static final String MOVE_REPLY = "update brand_reply set created_at = ?, addressed = ? where message_id = ?";

    static final String NEW_GROUP = "select nextval('template_group_seq')";

    static final String GROUP_MEMBERS = "select message_id, normalised from brand_reply where group_id = ?";

    static final String REGROUP = "update brand_reply set group_id = ? where message_id = any(?)";

    /** Grouped replies that may be near-duplicates of new ones: a shared prefix gram or the same text (by hash). */
    static final String CANDIDATES = """
            select message_id, group_id, normalised, grams, text_key, prefix from brand_reply
            where group_id is not null and (prefix && ?::bigint[] or text_key = any(?::bigint[]))""";

    /** One grouped reply per text hash (a hash shared by two texts may name the other one: the caller compares). */
    static final String A_REPLY_PER_TEXT_KEY = """
            select k.key, r.normalised, r.group_id
            from unnest(?::bigint[]) k(key)
            cross join lateral (select normalised, group_id from brand_reply
                                where group_id is not null and text_key = k.key limit 1) r""";

    /** The given groups that are templates: one member each tells (a group's members are all canned or none). */
    static final String GROUPS_CANNED = """
            select g.id from unnest(?::bigint[]) g(id)
            where exists (select 1 from brand_reply r where r.group_id = g.id and r.canned)""";

    /** The other groups of a component join its target, taking its template status (merging only grows). */
    static final String MERGE_GROUPS = "update brand_reply set group_id = ?, canned = ? where group_id = any(?)";

    /** A group is a template when it holds ≥ 3 replies addressed to ≥ 3 persons: its replies follow. */
    static final String MARK_TEMPLATES = """
            update brand_reply r set canned = t.template
            from (select group_id, count(*) >= 3 and count(distinct addressed) >= 3 as template
                  from brand_reply where group_id = any(?) group by group_id) t
            where r.group_id = t.group_id and r.canned <> t.template""";

    /** Accounts of the scope with replies to persons' messages of another account of the scope. */
    static final String CROSS_REPLYING_ACCOUNTS = """
            select distinct account_id from brand_reply
            where group_id is null and account_id = any(?) and parent_account = any(?) and parent_account <> account_id""";

    /** Every brand reply of one account in a scope: its own and those to other accounts' messages of the scope. */
    static final String SCOPE_REPLIES_OF_ACCOUNT = """
            select message_id, (extract(epoch from created_at) * 1000000)::bigint, normalised, addressed from brand_reply
            where account_id = ? and (group_id is not null or parent_account = any(?))""";

    /**
     * Per period (parameter 1: the periods' first days, then the day after the last one's; period i holds the days
     * [days[i], days[i + 1])), the grouped brand replies of the accounts (parameter 2) and the canned ones among
     * them, summed from their days (reply_day, V67) in the range (parameters 3-4: its first day and the day after
     * its last, as values so that the plan fits the rows read), each day put in its period by binary search.
     */
    static final String REPLIES_PER_PERIOD = """
            with b as materialized (select ?::date[] as at)
            select width_bucket(d.day, b.at), sum(d.replies), sum(d.canned)
            from b, reply_day d
            where d.account_id = any(?) and d.day >= ? and d.day < ?
            group by 1""";

    /**
     * Per period (parameter 1: the periods' starts, then the last one's end, as instants; period i holds
     * [bounds[i], bounds[i + 1])), the brand posts of the accounts (parameter 2) dated in the range (parameters
     * 3-4: its start and end, as values so that the plan fits the rows read) and the promotional ones among them.
     * One pass over the range, each post put in its period by binary search of the bounds (kept apart, so that
     * they are parsed once).
     */
    static final String POSTS_PER_PERIOD = """
            with p as materialized (select ?::text[]::timestamptz[] as at)
            select width_bucket(b.created_at, p.at), count(*), count(*) filter (where b.promotional)
            from p, brand_post b
            where b.account_id = any(?) and b.created_at >= ? and b.created_at < ?
            group by 1""";

    /** Imported ids of the accounts' canned grouped replies, and of the given messages (canned in a scope's groups). */
    static final String CANNED_MESSAGE_IDS = """
            select m.message_id from brand_reply r join message m on m.id = r.message_id
            where r.canned and r.group_id is not null and r.account_id = any(?)
            union
            select message_id from message where id = any(?)""";

    /** The planner's statistics of the facts, after a large drain. */
    static final String ANALYZE_FACTS = "analyze brand_reply, brand_post";
}
