-- Core data model, as ../shared/METRICS.md §1 describes it.

create table account (
    id            serial primary key,
    network       text not null,
    handle        text not null,
    -- null means "use the default phrase list" (METRICS.md, promotional messages)
    promo_phrases text[],
    own_domains   text[] not null default '{}',
    unique (network, handle)
);

create table person (
    id        bigserial primary key,
    network   text not null,
    author_id text not null,
    handle    text,
    unique (network, author_id)
);

create table import (
    id           bigserial primary key,
    format       text not null,
    file_name    text,
    state        text not null,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    rows_read    bigint not null default 0,
    inserted     bigint not null default 0,
    updated      bigint not null default 0,
    rejected     bigint not null default 0,
    unattributed bigint not null default 0,
    error        text
);

create table message (
    id            bigserial primary key,
    network       text not null,
    message_id    text not null,
    account_id    int not null references account (id),
    -- null when the brand wrote it
    person_id     bigint references person (id),
    author_id     text not null,
    author_handle text,
    from_brand    boolean not null,
    kind          text not null check (kind in ('post', 'reply', 'mention', 'comment', 'direct', 'share', 'reaction')),
    created_at    timestamptz not null,
    in_reply_to   text,
    text          text not null default '',
    -- the message named by in_reply_to, once it is in the data (parents may arrive later)
    parent_id     bigint,
    import_id     bigint references import (id),
    unique (network, message_id),
    check (from_brand = (person_id is null))
);

create index message_parent_lookup on message (network, in_reply_to) where in_reply_to is not null;
create index message_account_time on message (account_id, created_at);

create table follower_snapshot (
    account_id int not null references account (id),
    day        date not null,
    followers  bigint not null check (followers >= 0),
    primary key (account_id, day)
);

create table survey_response (
    network   text not null,
    author_id text not null,
    day       date not null,
    score     int not null check (score between 0 and 10),
    primary key (network, author_id, day)
);

-- Rows an import could not use, kept so an operator can read them again.
create table rejected_row (
    id        bigserial primary key,
    import_id bigint not null references import (id) on delete cascade,
    line      bigint not null,
    field     text,
    reason    text not null,
    -- twcs rows that name no brand (METRICS.md §7) are listed apart from malformed ones
    unattributed boolean not null default false,
    raw       text
);

create index rejected_row_import on rejected_row (import_id, line);
