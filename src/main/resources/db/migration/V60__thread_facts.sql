-- Per message, what its thread makes of it (METRICS.md §1 thread, §3 cross-party reply and inbound turn) for a
-- scope of the message's own account: a parent in another account is absent there. Conversations, deep
-- conversations, brand replies and every response metric are aggregates over these rows by (account, time).
-- A scope of several accounts whose messages reply across them (linked_parent_id) derives those threads again
-- when asked (ConversationSql); every other thread adds up from these rows. Kept by triggers in the writer's
-- transaction, whoever writes: each statement derives again the whole threads it touched.
create table message_fact (
    id                bigint primary key,
    account_id        int not null,
    -- the thread within the account: parents in the same account followed up to the first without one
    root_id           bigint not null,
    created_at        timestamptz not null,
    -- null for the brand's messages
    person_id         bigint,
    -- the parent when it is in another account: the link a scope holding both accounts follows
    linked_parent_id  bigint,
    linked_account_id int,
    -- a parent_id naming no stored message (an import links a reply to its parent's id before inserting it)
    awaited_parent_id bigint,
    cross_party       boolean not null,
    -- on cross-party replies: when the thread's third cross-party reply was created (deep conversations)
    deep_at           timestamptz,
    -- the person message that opens an inbound turn, and how long until the brand answered (null: never)
    opens_turn        boolean not null,
    response_micros   bigint
);
create index message_fact_root on message_fact (root_id);
create index message_fact_cross_party on message_fact (account_id, created_at) include (root_id, person_id, deep_at)
    where cross_party;
create index message_fact_turn on message_fact (account_id, created_at) include (person_id, response_micros)
    where opens_turn;
create index message_fact_linked on message_fact (linked_account_id, account_id) where linked_parent_id is not null;
create index message_fact_awaiting on message_fact (awaited_parent_id) where awaited_parent_id is not null;

-- The facts of the messages given with their thread's root (pairs of the two arrays): a parent is visible when
-- it is a member of the same thread. Used for the threads of one account (the triggers) and for the threads a
-- scope of several accounts joins across them (the same members, other roots).
create function thread_facts(ids bigint[], roots bigint[]) returns setof message_fact language sql stable as $$
    with member as (
        select m.id, t.root_id, m.account_id, m.created_at, m.message_id, m.person_id, m.from_brand, m.parent_id,
               m.kind in ('share', 'reaction') as passive
        from unnest(ids, roots) t(id, root_id) join message m on m.id = t.id
    ), replied as (
        select c.*, p.id is not null and not c.passive and c.from_brand <> p.from_brand as cross_party
        from member c left join member p on p.id = c.parent_id and p.root_id = c.root_id
    ), deep as (
        select root_id, (array_agg(created_at order by created_at) filter (where cross_party))[3] as deep_at
        from replied group by root_id
    ), turn as (
        -- shares and reactions neither open, extend nor answer a turn; the first brand message after it answers
        select id, not from_brand and coalesce(lag(from_brand) over ordered, true) as opens,
               min(created_at) filter (where from_brand) over reversed as answered_at
        from replied where not passive
        window ordered as (partition by root_id order by created_at, message_id),
               reversed as (partition by root_id order by created_at desc, message_id desc
                            rows between unbounded preceding and 1 preceding)
    )
    select r.id, r.account_id, r.root_id, r.created_at, r.person_id,
           case when lp.account_id <> r.account_id then lp.id end, case when lp.account_id <> r.account_id then lp.account_id end,
           case when lp.id is null then r.parent_id end,
           r.cross_party, case when r.cross_party then d.deep_at end,
           coalesce(t.opens, false),
           case when t.opens then ((extract(epoch from t.answered_at) - extract(epoch from r.created_at)) * 1000000)::bigint end
    from replied r
    join deep d on d.root_id = r.root_id
    left join turn t on t.id = r.id
    left join message lp on lp.id = r.parent_id
$$;

-- The facts, for a scope of the given accounts, of the threads that replies across them join: a reply whose
-- parent is in another account of the scope hangs its account's thread under the parent's; their members get
-- the root of the scope's thread. PL/pgSQL, so that thread_facts is planned knowing how many members there are.
create function scope_thread_facts(accounts int[]) returns setof message_fact language plpgsql stable as $$
declare
    ids bigint[];
    tops bigint[];
begin
    with recursive link as (
        select c.id as child, p.root_id as parent_root
        from message_fact c join message_fact p on p.id = c.linked_parent_id
        where c.linked_account_id = any(accounts) and c.account_id = any(accounts) and c.linked_parent_id is not null
    ), lifted(root, top) as (
        select child, parent_root from link
        union all
        select l.root, k.parent_root from lifted l join link k on k.child = l.top
    ) cycle top set looped using path,
    topmost as (
        select root, top from lifted l
        where not looped and not exists (select 1 from link k where k.child = l.top)
    ), joined as (
        select root, top from topmost
        union
        select top, top from topmost
    )
    select array_agg(m.id), array_agg(j.top) into ids, tops
    from joined j join message_fact m on m.root_id = j.root;
    return query select * from thread_facts(ids, tops);
end $$;

-- The threads of the given roots (those that are still roots) derived again from the messages under them, after
-- the facts of every stale thread are dropped. start_ids: messages whose thread may be new (moved, unlinked);
-- their roots are found by walking up their parents in the same account.
create function rebuild_threads(stale_roots bigint[], start_ids bigint[]) returns void language plpgsql as $$
declare
    roots bigint[];
    member_ids bigint[];
    member_roots bigint[];
begin
    with recursive up(id, account_id, parent_id) as (
        select m.id, m.account_id, m.parent_id from message m join unnest(start_ids || stale_roots) s(id) on m.id = s.id
        union
        select p.id, p.account_id, p.parent_id from up u join message p on p.id = u.parent_id and p.account_id = u.account_id
    ) cycle id set looped using path
    select array_agg(distinct u.id) into roots
    from up u
    where not u.looped
      and not exists (select 1 from message p where p.id = u.parent_id and p.account_id = u.account_id);

    delete from message_fact f using (select unnest(stale_roots) union select unnest(roots)) s(root_id)
    where f.root_id = s.root_id;

    with recursive down(id, root_id, account_id) as (
        select m.id, m.id, m.account_id from message m join unnest(roots) r(id) on m.id = r.id
        union all
        select c.id, d.root_id, c.account_id from down d join message c on c.parent_id = d.id and c.account_id = d.account_id
    )
    select array_agg(id), array_agg(root_id) into member_ids, member_roots from down;

    insert into message_fact select * from thread_facts(member_ids, member_roots);
end $$;

create function message_threads_changed() returns trigger language plpgsql as $$
declare
    member_ids bigint[];
    member_roots bigint[];
    stale bigint[];
    starts bigint[];
begin
    if tg_op = 'INSERT' then
        -- a new message's root: its own when its parent is absent or in another account, else its parent's
        -- (stored: the parent's facts say it; new: found by walking down from the new roots)
        with recursive placed(id, account_id, root_id, in_stored_thread) as (
            select n.id, n.account_id, case when pf.account_id = n.account_id then pf.root_id else n.id end,
                   pf.account_id is not distinct from n.account_id
            from new_rows n
            left join new_rows np on np.id = n.parent_id
            left join message_fact pf on pf.id = n.parent_id
            where np.id is null or np.account_id <> n.account_id
            union all
            select n.id, n.account_id, p.root_id, p.in_stored_thread
            from placed p join new_rows n on n.parent_id = p.id and n.account_id = p.account_id
        ), touched as (
            select distinct root_id from placed where in_stored_thread
        ), stored as (
            delete from message_fact f using touched t where f.root_id = t.root_id returning f.id, f.root_id
        )
        select array_agg(id), array_agg(root_id) into member_ids, member_roots
        from (select id, root_id from placed union all select id, root_id from stored) m;
        insert into message_fact select * from thread_facts(member_ids, member_roots);
        -- stored messages already pointing at a new one (an import updates a reply to its parent's new id
        -- before inserting the parent): their threads hang under the new message now
        select array_agg(f.id), coalesce(array_agg(distinct f.root_id) filter (where f.root_id is not null), '{}')
        into starts, stale
        from new_rows n
        join message_fact f on f.awaited_parent_id = n.id;
        if starts is not null then
            perform rebuild_threads(stale, starts);
        end if;
    elsif tg_op = 'UPDATE' then
        -- only rows whose thread-level fields changed; their children may change thread with them
        with changed as (
            select n.id from old_rows o join new_rows n on n.id = o.id
            where (o.account_id, o.person_id, o.from_brand, o.kind, o.created_at, o.message_id, o.parent_id)
                  is distinct from (n.account_id, n.person_id, n.from_brand, n.kind, n.created_at, n.message_id, n.parent_id)
        ), moved as (
            select id from changed
            union
            select c.id from message c join changed x on c.parent_id = x.id
        )
        select array_agg(m.id), coalesce(array_agg(distinct f.root_id) filter (where f.root_id is not null), '{}')
        into starts, stale
        from moved m left join message_fact f on f.id = m.id;
        if starts is not null then
            perform rebuild_threads(stale, starts);
        end if;
    else
        -- the deleted messages' threads, and their children's, which lost their parent
        select coalesce(array_agg(distinct f.root_id), '{}') into stale
        from old_rows o join message_fact f on f.id = o.id;
        select coalesce(array_agg(c.id), '{}') into starts
        from message c join old_rows o on c.parent_id = o.id;
        if stale <> '{}' or starts <> '{}' then
            perform rebuild_threads(stale, starts);
        end if;
    end if;
    return null;
end $$;

create trigger message_threads_inserted after insert on message
    referencing new table as new_rows for each statement execute function message_threads_changed();
create trigger message_threads_updated after update on message
    referencing old table as old_rows new table as new_rows for each statement execute function message_threads_changed();
create trigger message_threads_deleted after delete on message
    referencing old table as old_rows for each statement execute function message_threads_changed();

-- The messages stored before: every thread derived from its root down.
select rebuild_threads('{}', coalesce(array_agg(m.id), '{}'))
from message m
where not exists (select 1 from message p where p.id = m.parent_id and p.account_id = m.account_id);
