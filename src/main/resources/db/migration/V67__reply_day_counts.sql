-- Per account and local day (person_day's zone, V12), the grouped brand replies (V61: replies to a person's message
-- of their own account) and the canned ones among them: canned_reply_share of any periods is the sum of their
-- days', as the message counts of account_day (V65). Reading the replies themselves cost 0.33 s per all-accounts
-- year at 2M messages, ~1.7 s at 10M; a year of ten accounts is 3,640 day rows.
-- Kept by triggers on brand_reply, written only by the brand-voice drain (which holds its advisory lock, 7227);
-- rebuilt with person_day when the zone changes (PersonDays takes that lock too, so no drain cuts days in the
-- zone being replaced).
create table reply_day (
    account_id int not null,
    day        date not null,
    replies    bigint not null,
    canned     bigint not null,
    primary key (account_id, day)
);

create function brand_reply_days_changed() returns trigger language plpgsql as $$
declare
    z text := person_day_zone();
begin
    if z is null then
        return null;
    end if;
    -- each grouped reply counted +1 on its day, each one gone (or moved, ungrouped, turned canned or not) -1 on
    -- the day it had
    if tg_op = 'INSERT' then
        insert into reply_day (account_id, day, replies, canned)
        select account_id, (created_at at time zone z)::date, count(*), count(*) filter (where canned)
        from new_rows where group_id is not null group by 1, 2
        on conflict (account_id, day) do update
            set replies = reply_day.replies + excluded.replies, canned = reply_day.canned + excluded.canned;
    elsif tg_op = 'UPDATE' then
        insert into reply_day (account_id, day, replies, canned)
        select account_id, day, sum(sign), sum(sign * canned::int)
        from (select -1 as sign, o.account_id, (o.created_at at time zone z)::date as day, o.canned
              from old_rows o join new_rows n on n.message_id = o.message_id
              where o.group_id is not null
                and (o.account_id, o.created_at, o.canned, o.group_id is null)
                    is distinct from (n.account_id, n.created_at, n.canned, n.group_id is null)
              union all
              select 1, n.account_id, (n.created_at at time zone z)::date, n.canned
              from old_rows o join new_rows n on n.message_id = o.message_id
              where n.group_id is not null
                and (o.account_id, o.created_at, o.canned, o.group_id is null)
                    is distinct from (n.account_id, n.created_at, n.canned, n.group_id is null)) changed
        group by 1, 2
        on conflict (account_id, day) do update
            set replies = reply_day.replies + excluded.replies, canned = reply_day.canned + excluded.canned;
    else
        update reply_day d set replies = d.replies - g.replies, canned = d.canned - g.canned
        from (select account_id, (created_at at time zone z)::date as day, count(*) as replies,
                     count(*) filter (where canned) as canned
              from old_rows where group_id is not null group by 1, 2) g
        where d.account_id = g.account_id and d.day = g.day;
    end if;
    return null;
end $$;

-- Named to fire after V63's brand_reply_updated, which locks the account's data version row first.
create trigger brand_reply_zz_days_inserted after insert on brand_reply
    referencing new table as new_rows for each statement execute function brand_reply_days_changed();
create trigger brand_reply_zz_days_updated after update on brand_reply
    referencing old table as old_rows new table as new_rows for each statement execute function brand_reply_days_changed();
create trigger brand_reply_zz_days_deleted after delete on brand_reply
    referencing old table as old_rows for each statement execute function brand_reply_days_changed();

-- Every stored grouped reply's day counted again, in the zone person_day is cut in (none yet: nothing).
create function build_reply_days() returns void language sql as $$
    insert into reply_day (account_id, day, replies, canned)
    select account_id, (created_at at time zone z.zone)::date, count(*), count(*) filter (where canned)
    from brand_reply cross join person_day_state z
    where z.zone is not null and group_id is not null
    group by 1, 2
$$;

select build_reply_days();
