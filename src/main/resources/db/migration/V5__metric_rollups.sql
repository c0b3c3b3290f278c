-- Every metric of every period, precomputed per scope (each account, and all accounts together) after
-- imports, so that the first request for a scope reads a few thousand rows instead of all its messages.
create table rollup_state (
    scope         text not null,          -- account ids, ascending, joined by '+'
    grain         text not null check (grain in ('week', 'month')),
    -- imports done when the computation started: any later import makes the rollup stale
    revision      bigint not null,
    -- time zone, SLA and the code's metric definitions the values were computed with
    settings      text not null,
    -- the scope's accounts' own settings (promotional phrases, own domains)
    accounts_hash text not null,
    first_start   date not null,          -- periods covered: start dates in [first_start, last_start]
    last_start    date not null,
    computed_at   timestamptz not null default now(),
    compute_ms    bigint not null,
    primary key (scope, grain)
);

create table metric_rollup (
    scope        text not null,
    grain        text not null,
    metric       text not null,
    period_start date not null,
    value        double precision,
    n            bigint,
    primary key (scope, grain, metric, period_start)
);
