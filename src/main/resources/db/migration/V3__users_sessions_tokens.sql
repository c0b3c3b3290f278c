-- Access control (issue 5): users with one role each, browser sessions, API tokens. Secrets are stored
-- only as hashes: bcrypt for passwords, SHA-256 for random session ids and tokens (high entropy).

create table app_user (
    id            serial primary key,
    username      text not null unique,
    password_hash text not null,
    role          text not null check (role in ('viewer', 'analyst', 'admin')),
    created_at    timestamptz not null default now()
);

create table user_session (
    id_hash    text primary key,
    user_id    int not null references app_user (id) on delete cascade,
    csrf_token text not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
);

create table api_token (
    id         serial primary key,
    name       text not null,
    token_hash text not null unique,
    role       text not null check (role in ('viewer', 'analyst', 'admin')),
    created_by text,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
);
