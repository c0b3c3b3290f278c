-- Thread facts for the replies caught in a cycle of in_reply_to (bad data), rooted as docs/metrics.md's walk roots
-- them: messages visited in scope order (created_at, then message_id in byte order), each walking up its visible
-- parents and stopping at a message whose parent is already on its walk. A cycle and the replies hanging under
-- it (its basin) get one root, decided by the basin's first message: its walk enters the cycle and goes round,
-- and the cycle member whose parent is that entry is the root. Inside one account the basin is the same in every
-- scope holding it (the scope's order restricted to an account is the account's own); a scope of several accounts
-- derives again, like every thread replies across them join, a basin that other accounts' replies hang under or
-- a cycle whose links cross accounts. Everything else is derived as V60 did.

-- The root of each basin whose first message (in scope order) is given: walking up from it, parents are all in
-- the basin; the walk goes round the cycle and stops at the message whose parent is already on the walk.
create function cycle_roots(firsts bigint[]) returns table (first_id bigint, root_id bigint) language sql stable as $$
    with recursive walk(first_id, id, depth) as (
        select f, f, 0 from unnest(firsts) f
        union all
        select w.first_id, m.parent_id, w.depth + 1 from walk w join message m on m.id = w.id
    ) cycle id set looped using path
    -- the walk's last row repeats the entry; the one before it is the message whose parent that is
    select w.first_id, w.id
    from walk w
    where w.depth = (select max(x.depth) - 1 from walk x where x.first_id = w.first_id)
$$;

-- The basins of one account's cycles, given messages on them, with their roots: the messages under a cycle through
-- parents in the same account.
create function account_cycle_basins(on_cycles bigint[]) returns table (id bigint, root_id bigint)
    language sql stable as $$
    with recursive ring(start_id, id) as (
        select c, c from unnest(on_cycles) c
        union all
        select r.start_id, m.parent_id from ring r join message m on m.id = r.id where m.parent_id <> r.start_id
    ), cycle_key as (
        -- a cycle is named by its smallest id, whichever member it was reached from
        select distinct min(id) as key from ring group by start_id
    ), basin(key, id, account_id) as (
        select k.key, m.id, m.account_id from cycle_key k join message m on m.id = k.key
        union
        select b.key, c.id, c.account_id from basin b join message c on c.parent_id = b.id and c.account_id = b.account_id
    ), earliest as (
        select distinct on (b.key) b.key, b.id
        from basin b join message m on m.id = b.id
        order by b.key, m.created_at, m.message_id collate "C"
    )
    select b.id, r.root_id
    from basin b join earliest f on f.key = b.key join cycle_roots(array(select id from earliest)) r on r.first_id = f.id
$$;

-- As V60, and the walks that loop name cycles whose basins are derived again with their roots.
create or replace function rebuild_threads(stale_roots bigint[], start_ids bigint[]) returns void language plpgsql as $$
declare
    roots bigint[];
    on_cycles bigint[];
    member_ids bigint[];
    member_roots bigint[];
    basin_ids bigint[];
    basin_roots bigint[];
begin
    with recursive up(id, account_id, parent_id) as (
        select m.id, m.account_id, m.parent_id from message m join unnest(start_ids || stale_roots) s(id) on m.id = s.id
        union
        select p.id, p.account_id, p.parent_id from up u join message p on p.id = u.parent_id and p.account_id = u.account_id
    ) cycle id set looped using path
    select array_agg(distinct u.id) filter (where not u.looped and p.id is null),
           array_agg(distinct u.id) filter (where u.looped)
    into roots, on_cycles
    from up u
    left join message p on p.id = u.parent_id and p.account_id = u.account_id;

    delete from message_fact f using (select unnest(stale_roots) union select unnest(roots)) s(root_id)
    where f.root_id = s.root_id;

    with recursive down(id, root_id, account_id) as (
        select m.id, m.id, m.account_id from message m join unnest(roots) r(id) on m.id = r.id
        union all
        select c.id, d.root_id, c.account_id from down d join message c on c.parent_id = d.id and c.account_id = d.account_id
    )
    select array_agg(id), array_agg(root_id) into member_ids, member_roots from down;

    if on_cycles is not null then
        select array_agg(b.id), array_agg(b.root_id) into basin_ids, basin_roots from account_cycle_basins(on_cycles) b;
        -- whatever thread they were in before (a cycle closed by a late parent, a basin whose root moves)
        delete from message_fact f where f.id = any(basin_ids);
        member_ids := member_ids || basin_ids;
        member_roots := member_roots || basin_roots;
    end if;

    insert into message_fact select * from thread_facts(member_ids, member_roots);
end $$;

-- As V60, and cycles met: the threads of a scope of several accounts whose walks loop (links across accounts that
-- go round) and the basins of an account's cycle that other accounts' replies hang under get the root their first
-- message in scope order gives.
create or replace function scope_thread_facts(accounts int[]) returns setof message_fact language plpgsql stable as $$
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
    ), circling as (
        -- threads on a cycle of links: the walk from them comes back to them
        select distinct root from lifted where root = top
    ), account_cycle_top as (
        -- an account's own cycle (its root's parent is in the same account) that other accounts' threads hang under
        select t.top
        from (select distinct top from topmost) t
        join message m on m.id = t.top
        join message p on p.id = m.parent_id and p.account_id = m.account_id
    ), basin_thread(key, root) as (
        -- a cycle of links, named by its smallest thread root, and every thread whose walk ends in it
        select min(c.root), l.root
        from lifted l left join circling c on c.root = l.top
        where l.root in (select root from lifted where looped)
        group by l.root
        union all
        select j.top, j.root from joined j join account_cycle_top a on a.top = j.top
    ), basin_member as (
        select b.key, f.id from basin_thread b join message_fact f on f.root_id = b.root
    ), earliest as (
        select distinct on (b.key) b.key, b.id
        from basin_member b join message m on m.id = b.id
        order by b.key, m.created_at, m.message_id collate "C"
    ), rooted as (
        select b.root, r.root_id as top
        from basin_thread b join earliest f on f.key = b.key join cycle_roots(array(select id from earliest)) r on r.first_id = f.id
        union all
        select root, top from joined j where not exists (select 1 from basin_thread b where b.key = j.top)
    )
    select array_agg(m.id), array_agg(j.top) into ids, tops
    from rooted j join message_fact m on m.root_id = j.root;
    return query select * from thread_facts(ids, tops);
end $$;

-- V60's message_threads_changed on insert, and then: new messages not placed under a root (a cycle among them)
-- and stored cycles' basins that new messages joined (one may be the basin's first message now) are derived again.
create function message_threads_inserted() returns trigger language plpgsql as $$
declare
    member_ids bigint[];
    member_roots bigint[];
    placed_count bigint;
    stored_roots bigint[];
    stale bigint[];
    starts bigint[];
begin
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
    select array_agg(id), array_agg(root_id), count(*) filter (where is_new),
           array_agg(distinct root_id) filter (where not is_new)
    into member_ids, member_roots, placed_count, stored_roots
    from (select id, root_id, true as is_new from placed union all select id, root_id, false from stored) m;
    insert into message_fact select * from thread_facts(member_ids, member_roots);
    -- new messages in a cycle among themselves, and those under them, have no root to be placed under
    if placed_count < (select count(*) from new_rows) then
        select array_agg(n.id) into starts
        from new_rows n where not exists (select 1 from message_fact f where f.id = n.id);
        perform rebuild_threads('{}', starts);
    end if;
    -- stored threads the new messages joined that are a cycle's basin (their root's parent is in the account)
    select array_agg(m.id) into stale
    from unnest(stored_roots) r(id)
    join message m on m.id = r.id
    join message p on p.id = m.parent_id and p.account_id = m.account_id;
    if stale is not null then
        perform rebuild_threads(stale, '{}');
    end if;
    -- stored messages already pointing at a new one (an import updates a reply to its parent's new id
    -- before inserting the parent): their threads hang under the new message now
    select array_agg(f.id), coalesce(array_agg(distinct f.root_id) filter (where f.root_id is not null), '{}')
    into starts, stale
    from new_rows n
    join message_fact f on f.awaited_parent_id = n.id;
    if starts is not null then
        perform rebuild_threads(stale, starts);
    end if;
    return null;
end $$;

-- updates and deletes stay with V60's message_threads_changed
drop trigger message_threads_inserted on message;
create trigger message_threads_inserted after insert on message
    referencing new table as new_rows for each statement execute function message_threads_inserted();

-- The cycles stored before: their messages had no facts.
select rebuild_threads('{}', coalesce(array_agg(m.id), '{}'))
from message m
where m.parent_id is not null and not exists (select 1 from message_fact f where f.id = m.id);
