-- Per account and day in the workspace time zone (person_day's, V12), the messages the per-period counts need:
-- brand posts (no in_reply_to), brand messages that are not reactions, persons' shares and reactions. Periods start
-- at local midnight, so a period's counts are the sum of its days': a year of ten accounts is 3,640 rows, where
-- the messages are millions (10M messages: one week's counts read 192k messages in 0.7 s, the whole year in 1.3 s).
-- Kept by triggers in the writer's transaction, whoever writes; rebuilt with person_day when the zone changes.
create table account_day (
    account_id     int not null,
    day            date not null,
    posts          bigint not null,
    brand_messages bigint not null,
    shares         bigint not null,
    reactions      bigint not null,
    primary key (account_id, day)
);

create function message_account_days_changed() returns trigger language plpgsql as $$
declare
    z text := person_day_zone();
begin
    if z is null then
        return null;
    end if;
    -- each message counted +1 on its day, each one gone (or moved, or changed kind) -1 on the day it had
    if tg_op = 'INSERT' then
        insert into account_day (account_id, day, posts, brand_messages, shares, reactions)
        select account_id, (created_at at time zone z)::date,
               count(*) filter (where from_brand and in_reply_to is null),
               count(*) filter (where from_brand and kind <> 'reaction'),
               count(*) filter (where not from_brand and kind = 'share'),
               count(*) filter (where not from_brand and kind = 'reaction')
        from new_rows group by 1, 2
        on conflict (account_id, day) do update set posts = account_day.posts + excluded.posts,
            brand_messages = account_day.brand_messages + excluded.brand_messages,
            shares = account_day.shares + excluded.shares, reactions = account_day.reactions + excluded.reactions;
    elsif tg_op = 'UPDATE' then
        insert into account_day (account_id, day, posts, brand_messages, shares, reactions)
        select account_id, day, sum(sign * (from_brand and in_reply_to_null)::int),
               sum(sign * (from_brand and kind <> 'reaction')::int),
               sum(sign * (not from_brand and kind = 'share')::int),
               sum(sign * (not from_brand and kind = 'reaction')::int)
        from (select -1 as sign, o.account_id, (o.created_at at time zone z)::date as day, o.from_brand,
                     o.in_reply_to is null as in_reply_to_null, o.kind
              from old_rows o join new_rows n on n.id = o.id
              where (o.account_id, o.created_at, o.kind, o.from_brand, o.in_reply_to is null)
                    is distinct from (n.account_id, n.created_at, n.kind, n.from_brand, n.in_reply_to is null)
              union all
              select 1, n.account_id, (n.created_at at time zone z)::date, n.from_brand, n.in_reply_to is null, n.kind
              from old_rows o join new_rows n on n.id = o.id
              where (o.account_id, o.created_at, o.kind, o.from_brand, o.in_reply_to is null)
                    is distinct from (n.account_id, n.created_at, n.kind, n.from_brand, n.in_reply_to is null)) changed
        group by 1, 2
        on conflict (account_id, day) do update set posts = account_day.posts + excluded.posts,
            brand_messages = account_day.brand_messages + excluded.brand_messages,
            shares = account_day.shares + excluded.shares, reactions = account_day.reactions + excluded.reactions;
    else
        update account_day d set posts = d.posts - g.posts, brand_messages = d.brand_messages - g.brand_messages,
                                 shares = d.shares - g.shares, reactions = d.reactions - g.reactions
        from (select account_id, (created_at at time zone z)::date as day,
                     count(*) filter (where from_brand and in_reply_to is null) as posts,
                     count(*) filter (where from_brand and kind <> 'reaction') as brand_messages,
                     count(*) filter (where not from_brand and kind = 'share') as shares,
                     count(*) filter (where not from_brand and kind = 'reaction') as reactions
              from old_rows group by 1, 2) g
        where d.account_id = g.account_id and d.day = g.day;
    end if;
    return null;
end $$;

-- Triggers of one event fire in name order: these are named to come after V10's message_inserted, _updated and
-- _deleted, which lock the account's data version row, so every writer takes that lock before any account day
-- (an erasure and an import locking the two in opposite orders would deadlock).
create trigger message_zz_account_days_inserted after insert on message
    referencing new table as new_rows for each statement execute function message_account_days_changed();
create trigger message_zz_account_days_updated after update on message
    referencing old table as old_rows new table as new_rows for each statement execute function message_account_days_changed();
create trigger message_zz_account_days_deleted after delete on message
    referencing old table as old_rows for each statement execute function message_account_days_changed();

-- Every stored message's day counted again, in the zone person_day is cut in (none yet: nothing; PersonDays builds
-- both at start-up, and again when the zone changes).
create function build_account_days() returns void language sql as $$
    insert into account_day (account_id, day, posts, brand_messages, shares, reactions)
    select account_id, (created_at at time zone z.zone)::date,
           count(*) filter (where from_brand and in_reply_to is null),
           count(*) filter (where from_brand and kind <> 'reaction'),
           count(*) filter (where not from_brand and kind = 'share'),
           count(*) filter (where not from_brand and kind = 'reaction')
    from message cross join person_day_state z
    where z.zone is not null
    group by 1, 2
$$;

select build_account_days();
