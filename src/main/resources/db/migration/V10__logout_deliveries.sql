-- Back-channel logout tokens waiting to reach forums (OpenID Connect Back-Channel Logout 1.0). A row names a forum and
-- the pseudonym it knows, never a member; it is deleted once delivered or given up. No creation time is kept: the
-- first attempt is jittered, so rows of one member's suspension at several forums do not share a timestamp.
create table logout_delivery (
    id              uuid        primary key,
    client_id       text        not null,
    pseudonym       text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    give_up_at      timestamptz not null
);
create index logout_delivery_due on logout_delivery (next_attempt_at);
