-- Per account, person and day in the workspace time zone: the person was active that day (METRICS.md §3) and
-- made this many amplifications. Every person-level figure (active, new and repeat people, advocates, tiers,
-- cohorts, NPS of active persons) is an aggregate over these rows: periods and 90-day windows start at local
-- midnight, so a day is the finest grain they need. Kept by triggers in the writer's transaction, whoever
-- writes (an import, an erasure); rebuilt whole when the workspace time zone changes (PersonDays).
create table person_day (
    account_id int not null,
    person_id  bigint not null,
    day        date not null,
    shares     int not null,
    primary key (account_id, day, person_id)
);
-- one person's days (NPS of active persons, tiers on a survey's day)
create index person_day_person on person_day (person_id, day);

-- The time zone person_day's days are in; null until the application has built them.
create table person_day_state (
    id   int primary key check (id = 1),
    zone text
);
insert into person_day_state values (1, null);

create function person_day_zone() returns text language sql stable as $$
    select zone from person_day_state
$$;

-- The facts of the given account-days (pairs of the two arrays), derived again from their messages.
create function rebuild_person_days(accounts int[], days date[]) returns void language plpgsql as $$
declare
    z text := person_day_zone();
begin
    delete from person_day p using unnest(accounts, days) t(account_id, day)
    where p.account_id = t.account_id and p.day = t.day;
    insert into person_day (account_id, person_id, day, shares)
    select m.account_id, m.person_id, t.day, count(*) filter (where m.kind = 'share')
    from (select distinct account_id, day from unnest(accounts, days) u(account_id, day)) t
    join message m on m.account_id = t.account_id
                  and m.created_at >= t.day::timestamp at time zone z
                  and m.created_at < (t.day + 1)::timestamp at time zone z
    where not m.from_brand and m.kind <> 'reaction'
    group by 1, 2, 3;
end $$;

create function message_person_days_changed() returns trigger language plpgsql as $$
declare
    z text := person_day_zone();
begin
    if z is null then
        return null;
    end if;
    if tg_op = 'INSERT' then
        -- new messages only add to their days
        insert into person_day (account_id, person_id, day, shares)
        select account_id, person_id, (created_at at time zone z)::date, count(*) filter (where kind = 'share')
        from new_rows where not from_brand and kind <> 'reaction'
        group by 1, 2, 3
        on conflict (account_id, day, person_id) do update set shares = person_day.shares + excluded.shares;
    elsif tg_op = 'UPDATE' then
        -- only rows whose person-level fields changed (not a late parent linking a reply)
        perform rebuild_person_days(array_agg(account_id), array_agg(day))
        from (select o.account_id, (o.created_at at time zone z)::date as day
              from old_rows o join new_rows n on n.id = o.id
              where (o.account_id, o.person_id, o.created_at, o.kind, o.from_brand)
                    is distinct from (n.account_id, n.person_id, n.created_at, n.kind, n.from_brand)
              union
              select n.account_id, (n.created_at at time zone z)::date
              from old_rows o join new_rows n on n.id = o.id
              where (o.account_id, o.person_id, o.created_at, o.kind, o.from_brand)
                    is distinct from (n.account_id, n.person_id, n.created_at, n.kind, n.from_brand)) changed;
    else
        perform rebuild_person_days(array_agg(account_id), array_agg(day))
        from (select distinct account_id, (created_at at time zone z)::date as day from old_rows where not from_brand) gone;
    end if;
    return null;
end $$;

create trigger message_person_days_inserted after insert on message
    referencing new table as new_rows for each statement execute function message_person_days_changed();
create trigger message_person_days_updated after update on message
    referencing old table as old_rows new table as new_rows for each statement execute function message_person_days_changed();
create trigger message_person_days_deleted after delete on message
    referencing old table as old_rows for each statement execute function message_person_days_changed();
