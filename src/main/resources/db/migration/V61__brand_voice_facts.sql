-- The brand-voice facts (METRICS.md §4: template groups, promotional messages), kept so that canned_reply_share,
-- personalization_score and promotional_share are aggregates over a period's rows. Text normalisation and the
-- phrase rules are Java's (TemplateText, PromotionalMessages), so triggers only queue what changed, in the
-- writer's transaction; the application derives the facts from the queue (VoiceFactsRefresher) after every
-- change and before any read of a scope holding a queued account.

-- Brand messages, not shares or reactions, whose parent is a person's message (a brand reply in any scope that
-- holds the parent's account). Replies within their own account belong to a template group of that account.
create table brand_reply (
    message_id     bigint primary key,
    account_id     int not null,
    created_at     timestamptz not null,
    parent_account int not null,
    -- the person replied to
    addressed      bigint not null,
    normalised     text not null,
    -- account-tagged hashes ((account << 32) | hash) of the normalised text and of the prefix-filter grams:
    -- candidates for near-duplicates; a collision only adds a candidate, verified on the texts
    text_key       bigint not null,
    prefix         bigint[] not null,
    grams          int not null,
    -- null for a reply to another account's message: its groups are computed per scope (CrossAccountTemplates)
    group_id       bigint,
    canned         boolean not null default false
);
create index brand_reply_time on brand_reply (account_id, created_at) include (canned) where group_id is not null;
create index brand_reply_cross on brand_reply (account_id, parent_account) where group_id is null;
create index brand_reply_group on brand_reply (group_id) where group_id is not null;
create index brand_reply_text on brand_reply (text_key) where group_id is not null;
create index brand_reply_prefix on brand_reply using gin (prefix) where group_id is not null;

create sequence template_group_seq;

-- Brand messages with an empty in_reply_to, flagged by the account's promotional settings.
create table brand_post (
    message_id  bigint primary key,
    account_id  int not null,
    created_at  timestamptz not null,
    promotional boolean not null
);
create index brand_post_time on brand_post (account_id, created_at) include (promotional);

-- Brand messages (and replies whose parent changed) to derive again; message_id null: every post of the
-- account again (its promotional settings changed). Rows are removed by the application once done.
create table voice_pending (
    id         bigserial primary key,
    account_id int not null,
    message_id bigint
);
create index voice_pending_account on voice_pending (account_id);

create function voice_messages_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into voice_pending (account_id, message_id)
        select account_id, id from new_rows where from_brand;
    elsif tg_op = 'UPDATE' then
        insert into voice_pending (account_id, message_id)
        -- brand messages whose own facts may differ (under their old account too, should it have moved)
        select n.account_id, n.id
        from old_rows o join new_rows n on n.id = o.id
        where (o.from_brand or n.from_brand)
          and (o.account_id, o.from_brand, o.kind, o.created_at, o.in_reply_to, o.text, o.parent_id)
              is distinct from (n.account_id, n.from_brand, n.kind, n.created_at, n.in_reply_to, n.text, n.parent_id)
        union all
        select o.account_id, o.id
        from old_rows o join new_rows n on n.id = o.id
        where o.from_brand and o.account_id <> n.account_id
        union all
        -- brand replies whose parent's author or account changed
        select c.account_id, c.id
        from old_rows o join new_rows n on n.id = o.id
        join message c on c.parent_id = n.id
        where c.from_brand
          and (o.account_id, o.person_id, o.from_brand) is distinct from (n.account_id, n.person_id, n.from_brand);
    else
        insert into voice_pending (account_id, message_id)
        select account_id, id from old_rows where from_brand
        union all
        -- replies left without their parent
        select c.account_id, c.id from old_rows o join message c on c.parent_id = o.id where c.from_brand;
    end if;
    return null;
end $$;

create trigger voice_messages_inserted after insert on message
    referencing new table as new_rows for each statement execute function voice_messages_changed();
create trigger voice_messages_updated after update on message
    referencing old table as old_rows new table as new_rows for each statement execute function voice_messages_changed();
create trigger voice_messages_deleted after delete on message
    referencing old table as old_rows for each statement execute function voice_messages_changed();

create function voice_settings_changed() returns trigger language plpgsql as $$
begin
    insert into voice_pending (account_id, message_id) values (new.id, null);
    return null;
end $$;

create trigger voice_settings_changed after update of promo_phrases, own_domains on account
    for each row when (old.promo_phrases is distinct from new.promo_phrases or old.own_domains is distinct from new.own_domains)
    execute function voice_settings_changed();

-- Existing data: every brand message is derived on first start.
insert into voice_pending (account_id, message_id)
select account_id, id from message where from_brand order by id;
