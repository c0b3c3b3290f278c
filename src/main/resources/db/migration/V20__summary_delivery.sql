-- The monthly summary by e-mail: who receives it (with the accounts each one sees), on which day of the
-- month, and a send log that makes each (month, recipient) go out once.

create table summary_recipient (
    id         serial primary key,
    email      text not null unique,
    -- as the metrics API's accounts parameter (network/handle, comma-separated); empty means all accounts
    accounts   text not null default '',
    created_at timestamptz not null default now()
);

-- One row: the day of the month (workspace time zone) the finished month's summary goes out.
create table summary_delivery_setting (
    id       int primary key default 1 check (id = 1),
    send_day int not null check (send_day between 1 and 28)
);
insert into summary_delivery_setting (id, send_day) values (1, 2);

-- A row is claimed ('sending') before the mail is handed to SMTP, so a second run, a second scheduler firing or
-- a second server finds it and does not send again; failed sends are claimed again until they succeed.
create table summary_send (
    id           bigserial primary key,
    month        date not null,
    recipient_id int references summary_recipient (id) on delete set null,
    email        text not null,
    accounts     text not null,
    state        text not null check (state in ('sending', 'sent', 'failed')),
    attempts     int not null default 1,
    claimed_at   timestamptz not null default now(),
    sent_at      timestamptz,
    error        text,
    unique (month, recipient_id)
);
create index summary_send_recent on summary_send (claimed_at desc);
