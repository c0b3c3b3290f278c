-- "Has the data changed?", answered per account and in the writer's own transaction. Every statement that
-- writes an account's messages, follower snapshots or settings (or survey answers on its network) gives the
-- account a new number from one sequence, whoever runs it: an import, an erasure, an account deletion. A
-- cached or precomputed figure is labelled with the numbers of its accounts and is current while they hold.
create sequence data_version_seq;

create table account_data_version (
    account_id int primary key,
    version    bigint not null
);

insert into account_data_version (account_id, version) select id, nextval('data_version_seq') from account;

-- Also notifies 'data_changed' with the account ids ('*' when too many for a payload): PostgreSQL delivers it
-- when the writer commits and never for a rollback, so every app instance learns of every committed change.
create function bump_account_versions(ids int[]) returns void language plpgsql as $$
declare
    changed text := array_to_string(array(select distinct unnest(ids) as id order by id), ',');
begin
    if changed = '' then
        return;
    end if;
    insert into account_data_version (account_id, version)
    select id, nextval('data_version_seq') from (select distinct unnest(ids) as id) d where id is not null
    on conflict (account_id) do update set version = excluded.version;
    perform pg_notify('data_changed', case when length(changed) > 7000 then '*' else changed end);
end $$;

-- Statement-level with transition tables: one bump per statement, however many rows it wrote.
create function message_rows_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform bump_account_versions(array(select distinct account_id from new_rows));
    elsif tg_op = 'UPDATE' then
        perform bump_account_versions(array(select account_id from new_rows union select account_id from old_rows));
    else
        perform bump_account_versions(array(select distinct account_id from old_rows));
    end if;
    return null;
end $$;

create trigger message_inserted after insert on message
    referencing new table as new_rows for each statement execute function message_rows_changed();
create trigger message_updated after update on message
    referencing old table as old_rows new table as new_rows for each statement execute function message_rows_changed();
create trigger message_deleted after delete on message
    referencing old table as old_rows for each statement execute function message_rows_changed();

create trigger follower_snapshot_inserted after insert on follower_snapshot
    referencing new table as new_rows for each statement execute function message_rows_changed();
create trigger follower_snapshot_updated after update on follower_snapshot
    referencing old table as old_rows new table as new_rows for each statement execute function message_rows_changed();
create trigger follower_snapshot_deleted after delete on follower_snapshot
    referencing old table as old_rows for each statement execute function message_rows_changed();

-- A survey answer is matched to persons by (network, author_id): every account of its network may show it.
create function survey_rows_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform bump_account_versions(array(select a.id from account a where a.network in (select network from old_rows)));
    else
        perform bump_account_versions(array(select a.id from account a where a.network in (select network from new_rows)));
    end if;
    return null;
end $$;

create trigger survey_response_inserted after insert on survey_response
    referencing new table as new_rows for each statement execute function survey_rows_changed();
create trigger survey_response_updated after update on survey_response
    referencing new table as new_rows for each statement execute function survey_rows_changed();
create trigger survey_response_deleted after delete on survey_response
    referencing old table as old_rows for each statement execute function survey_rows_changed();

-- The account's own settings that metrics read (promotional phrases, own domains).
create function account_settings_changed() returns trigger language plpgsql as $$
begin
    perform bump_account_versions(array[new.id]);
    return null;
end $$;

create trigger account_settings_changed after update of promo_phrases, own_domains on account
    for each row when (old.promo_phrases is distinct from new.promo_phrases or old.own_domains is distinct from new.own_domains)
    execute function account_settings_changed();

create trigger account_inserted after insert on account
    for each row execute function account_settings_changed();

create function account_deleted() returns trigger language plpgsql as $$
begin
    delete from account_data_version where account_id = old.id;
    return null;
end $$;

create trigger account_deleted after delete on account for each row execute function account_deleted();
