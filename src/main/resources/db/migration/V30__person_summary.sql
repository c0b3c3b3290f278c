-- The people table (issue 11): one row per person and scope ('all', or one account's id), computed from the
-- messages after every data change (rapport.people.PersonSummaryRefresher). Every column the page sorts on has
-- an index (scope, sort key, person_id) so that a keyset page reads only the rows it shows.
create extension if not exists pg_trgm;

create table person_summary (
    scope                   text not null,
    person_id               bigint not null,
    network                 text not null,
    author_id               text not null,
    handle                  text not null,
    accounts                text not null,      -- network/handle of the accounts they wrote to, sorted, comma-separated
    first_seen              timestamptz not null,
    last_seen               timestamptz not null,
    first_active            timestamptz,        -- first message that is not a reaction
    active_weeks            int not null,       -- distinct ISO weeks with an active message in W
    messages                bigint not null,
    conversations           bigint not null,
    inbound_turns           bigint not null,
    answered_turns          bigint not null,
    median_response_minutes double precision,
    amplifications          bigint not null,
    reactions               bigint not null,
    tier                    smallint not null,  -- 1 advocate, 2 regular, 3 participant, 4 lapsed, 5 none (at as_of)
    tier_before             smallint not null,  -- the same 90 days earlier
    latest_nps              smallint,
    waiting_since           timestamptz,        -- start of their latest inbound turn while it is unanswered
    primary key (scope, person_id)
);

create index person_summary_network on person_summary (scope, network, person_id);
create index person_summary_handle on person_summary (scope, lower(handle), person_id);
create index person_summary_author on person_summary (scope, author_id, person_id);
create index person_summary_accounts on person_summary (scope, accounts, person_id);
create index person_summary_first_seen on person_summary (scope, first_seen, person_id);
create index person_summary_last_seen on person_summary (scope, last_seen, person_id);
create index person_summary_active_weeks on person_summary (scope, active_weeks, person_id);
create index person_summary_messages on person_summary (scope, messages, person_id);
create index person_summary_conversations on person_summary (scope, conversations, person_id);
create index person_summary_inbound on person_summary (scope, inbound_turns, person_id);
create index person_summary_answered on person_summary (scope, answered_turns, person_id);
create index person_summary_median on person_summary (scope, coalesce(median_response_minutes, 'Infinity'::float8), person_id);
create index person_summary_amplifications on person_summary (scope, amplifications, person_id);
create index person_summary_reactions on person_summary (scope, reactions, person_id);
create index person_summary_tier on person_summary (scope, tier, person_id);
create index person_summary_tier_before on person_summary (scope, tier_before, person_id);
create index person_summary_nps on person_summary (scope, coalesce(latest_nps, -1), person_id);
create index person_summary_waiting on person_summary (scope, coalesce(waiting_since, 'infinity'::timestamptz), person_id);
create index person_summary_first_active on person_summary (scope, coalesce(first_active, 'infinity'::timestamptz), person_id);
create index person_summary_handle_search on person_summary using gin (lower(handle) gin_trgm_ops);

-- What the rows were computed from: the window's end (as_of, the end of the ISO week of the latest message).
create table person_summary_state (
    id           int primary key check (id = 1),
    as_of        timestamptz,
    period_start timestamptz,
    computed_at  timestamptz not null,
    compute_ms   bigint not null
);

-- Erasures (issue 11): who erased which person when; nothing of the person's data is kept.
create table erasure_log (
    id         bigserial primary key,
    erased_by  text not null,
    erased_at  timestamptz not null default now(),
    network    text not null,
    author_id  text not null,
    messages   bigint not null,
    surveys    bigint not null
);

-- METRICS.md §5 for one person and one window [window_start, end): weeks = distinct ISO weeks with an active
-- message in it, shares = amplifications in it, first_active = their first active message ever (in the scope).
-- 1 advocate, 2 regular, 3 participant, 4 lapsed, 5 none. The one place the rule is written in SQL.
create function person_tier(weeks bigint, shares bigint, first_active timestamptz, window_start timestamptz)
    returns smallint language sql immutable as $$
    select (case when weeks >= 3 and shares > 0 then 1
                 when weeks >= 2 then 2
                 when weeks = 1 then 3
                 when first_active < window_start then 4
                 else 5 end)::smallint
$$;
