-- "What changed, from when": every data version an account gets (V10) is logged with the earliest instant its
-- change can move a figure, so a scope's figures of periods ending at or before that instant stay as they were
-- and only later periods are computed again. A writer that cannot say (settings, an account created) logs
-- '-infinity': everything again. The log is counted per account (changes, serial under the version row's lock,
-- so in commit order) and keeps the last 1000 changes; a reader whose figures are older computes everything.
alter table account_data_version add column changes bigint not null default 0;

create table account_change (
    account_id  int not null,
    change_no   bigint not null,
    earliest_at timestamptz not null,
    primary key (account_id, change_no)
);

-- A new version for each account, logged with its earliest changed instant (pairs of the two arrays).
create function note_account_changes(ids int[], earliest timestamptz[]) returns void language plpgsql as $$
declare
    changed text := array_to_string(array(select distinct unnest(ids) as id order by id), ',');
begin
    if changed = '' then
        return;
    end if;
    with noted as (
        select id, min(at) as at from unnest(ids, earliest) u(id, at) where id is not null group by id
    ), bumped as (
        insert into account_data_version (account_id, version, changes)
        select id, nextval('data_version_seq'), 1 from noted
        on conflict (account_id) do update set version = excluded.version, changes = account_data_version.changes + 1
        returning account_id, changes
    ), logged as (
        insert into account_change (account_id, change_no, earliest_at)
        select b.account_id, b.changes, coalesce(n.at, '-infinity') from bumped b join noted n on n.id = b.account_id
        returning account_id, change_no
    )
    delete from account_change c using logged l
    where c.account_id = l.account_id and c.change_no <= l.change_no - 1000;
    perform pg_notify('data_changed', case when length(changed) > 7000 then '*' else changed end);
end $$;

-- Writers that cannot say from when: everything again.
create or replace function bump_account_versions(ids int[]) returns void language plpgsql as $$
begin
    perform note_account_changes(ids, array_fill('-infinity'::timestamptz, array[coalesce(array_length(ids, 1), 0)]));
end $$;

-- A change found after the writer's commit (the brand-voice facts are derived from a queue by the application):
-- it belongs to the account's last logged change, which a reader holding figures of an older one computes
-- again; a reader derives the queue before it reads the log.
create function note_later_effects(ids int[], earliest timestamptz[]) returns void language plpgsql as $$
begin
    update account_change c set earliest_at = least(c.earliest_at, n.at)
    from (select id, min(at) as at from unnest(ids, earliest) u(id, at) group by id) n
    join account_data_version v on v.account_id = n.id
    where c.account_id = n.id and c.change_no = v.changes;
end $$;

-- Messages: their own instants (posts, shares, reactions and person days are read by created_at).
create or replace function message_rows_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform note_account_changes(array_agg(account_id), array_agg(at))
        from (select account_id, min(created_at) as at from new_rows group by account_id) n;
    elsif tg_op = 'UPDATE' then
        perform note_account_changes(array_agg(account_id), array_agg(at))
        from (select account_id, min(created_at) as at
              from (select account_id, created_at from new_rows union all select account_id, created_at from old_rows) r
              group by account_id) n;
    else
        perform note_account_changes(array_agg(account_id), array_agg(at))
        from (select account_id, min(created_at) as at from old_rows group by account_id) n;
    end if;
    return null;
end $$;

-- Follower snapshots: a day counts for periods ending after it, in any time zone (a day starts at most 14 hours
-- before its UTC midnight: the day before's UTC midnight is earlier than every zone's).
create function follower_rows_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform note_account_changes(array_agg(account_id), array_agg(((day - 1)::timestamp at time zone 'UTC')))
        from (select account_id, min(day) as day from new_rows group by account_id) n;
    elsif tg_op = 'UPDATE' then
        perform note_account_changes(array_agg(account_id), array_agg(((day - 1)::timestamp at time zone 'UTC')))
        from (select account_id, min(day) as day
              from (select account_id, day from new_rows union all select account_id, day from old_rows) r
              group by account_id) n;
    else
        perform note_account_changes(array_agg(account_id), array_agg(((day - 1)::timestamp at time zone 'UTC')))
        from (select account_id, min(day) as day from old_rows group by account_id) n;
    end if;
    return null;
end $$;

drop trigger follower_snapshot_inserted on follower_snapshot;
drop trigger follower_snapshot_updated on follower_snapshot;
drop trigger follower_snapshot_deleted on follower_snapshot;
create trigger follower_snapshot_inserted after insert on follower_snapshot
    referencing new table as new_rows for each statement execute function follower_rows_changed();
create trigger follower_snapshot_updated after update on follower_snapshot
    referencing old table as old_rows new table as new_rows for each statement execute function follower_rows_changed();
create trigger follower_snapshot_deleted after delete on follower_snapshot
    referencing old table as old_rows for each statement execute function follower_rows_changed();

-- Survey answers: every account of the answer's network, from the answer's day (as for follower snapshots); an
-- update counts from the earlier of its old and new days.
create or replace function survey_rows_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform note_account_changes(array_agg(a.id), array_agg(((r.day - 1)::timestamp at time zone 'UTC')))
        from (select network, min(day) as day from new_rows group by network) r join account a on a.network = r.network;
    elsif tg_op = 'UPDATE' then
        perform note_account_changes(array_agg(a.id), array_agg(((r.day - 1)::timestamp at time zone 'UTC')))
        from (select network, min(day) as day
              from (select network, day from new_rows union all select network, day from old_rows) u
              group by network) r join account a on a.network = r.network;
    else
        perform note_account_changes(array_agg(a.id), array_agg(((r.day - 1)::timestamp at time zone 'UTC')))
        from (select network, min(day) as day from old_rows group by network) r join account a on a.network = r.network;
    end if;
    return null;
end $$;

drop trigger survey_response_updated on survey_response;
create trigger survey_response_updated after update on survey_response
    referencing old table as old_rows new table as new_rows for each statement execute function survey_rows_changed();

-- A deleted account's log goes with its version.
create or replace function account_deleted() returns trigger language plpgsql as $$
begin
    delete from account_data_version where account_id = old.id;
    delete from account_change where account_id = old.id;
    return null;
end $$;

-- Thread facts: a statement derives whole threads again (delete, then insert), so every member's instant of a
-- touched thread is logged: a late parent or a late answer moves the figures of the thread's first period on.
-- A thread linked to another account's (linked_parent_id) is joined for scopes holding both, where a change
-- reaches the other account's messages too: from the beginning.
create function message_fact_rows_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform note_account_changes(array_agg(account_id), array_agg(at))
        from (select account_id, case when bool_or(linked_parent_id is not null) then '-infinity' else min(created_at) end as at
              from new_rows group by account_id) n;
    else
        perform note_account_changes(array_agg(account_id), array_agg(at))
        from (select account_id, case when bool_or(linked_parent_id is not null) then '-infinity' else min(created_at) end as at
              from old_rows group by account_id) n;
    end if;
    return null;
end $$;

create trigger message_fact_inserted after insert on message_fact
    referencing new table as new_rows for each statement execute function message_fact_rows_changed();
create trigger message_fact_deleted after delete on message_fact
    referencing old table as old_rows for each statement execute function message_fact_rows_changed();

-- Brand-voice facts (V61), written after the writer's commit. A reply's or post's own row comes and goes with
-- its message, whose change is logged already (its instant; a reply to another account's message links its
-- thread fact to that account: from the beginning). What the messages' log cannot say is a reply of an earlier
-- period turning canned when its template group reaches three persons or merges: updates of counted columns.
-- (Statement-level, so not on inserts: the drain adds rows one statement each.)
create function brand_reply_rows_changed() returns trigger language plpgsql as $$
begin
    perform note_later_effects(array_agg(account_id), array_agg(at))
    from (select v.account_id, min(v.created_at) as at
          from (select o.account_id, case when o.group_id is null or n.group_id is null then '-infinity' else o.created_at end as created_at,
                       n.account_id as new_account, n.created_at as new_at
                from old_rows o join new_rows n on n.message_id = o.message_id
                where (o.account_id, o.created_at, o.canned, o.group_id is null)
                      is distinct from (n.account_id, n.created_at, n.canned, n.group_id is null)) d,
               lateral (values (d.account_id, d.created_at), (d.new_account, d.new_at)) v(account_id, created_at)
          group by v.account_id) n;
    return null;
end $$;

create trigger brand_reply_updated after update on brand_reply
    referencing old table as old_rows new table as new_rows for each statement execute function brand_reply_rows_changed();
