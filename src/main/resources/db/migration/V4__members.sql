-- Members, their passkeys, and the short-lived state of enrollment (docs/members.md).
-- Nothing here names a person: the identity is sealed under the trustee-set key, the licence is reduced to a keyed
-- tag, and the handle the licence monitor re-checks is encrypted under a key kept outside the database. Keys are
-- random; member rows keep dates, not instants, and no last-login time.

-- The current trustee-set epoch is the one established last; its instant is public (it is in the log).
alter table epoch add column established_at timestamptz not null default now();

create table member (
    id             text    primary key check (id ~ '^[A-Za-z0-9_-]{22}$'),
    status         text    not null check (status in ('ACTIVE', 'SUSPENDED')),
    suspension     text    check ((status = 'SUSPENDED') = (suspension is not null)),
    profession     text    not null,
    authority      text    not null,   -- the trust anchor's or licensing authority's id (public)
    evidence_kind  text    not null,
    duplicate_tag  bytea   not null unique check (octet_length(duplicate_tag) = 32),
    epoch_id       text    not null references epoch (id),
    envelope       bytea   not null,
    status_handle  bytea   not null,   -- AES-256-GCM under the monitor key; see docs/members.md
    sealed_on      date    not null,
    checked_on     date    not null
);

create table member_passkey (
    credential_id  text    primary key,
    member_id      text    not null references member (id),
    aaguid         uuid    not null,
    public_key     bytea   not null,
    algorithm      integer not null,
    sign_count     bigint  not null check (sign_count >= 0),
    created_on     date    not null
);
create index member_passkey_member on member_passkey (member_id);

-- A challenge the member signs with a certificate or answers with an attestation's key binding. Single use:
-- consuming it deletes the row.
create table credential_challenge (
    value       text        primary key,
    expires_at  timestamptz not null
);

-- Evidence verified, passkey not yet registered. Holds only sealed or keyed values; the browser holds the token
-- whose SHA-256 is the key. Consumed when the passkey is stored, and expires.
create table pending_enrollment (
    token_hash     bytea       primary key check (octet_length(token_hash) = 32),
    member_id      text        not null,
    returning_member boolean   not null,   -- the licence already has a member: the passkey is added to it
    profession     text        not null,
    authority      text        not null,
    evidence_kind  text        not null,
    duplicate_tag  bytea       not null,
    epoch_id       text        not null references epoch (id),
    envelope       bytea       not null,
    status_handle  bytea       not null,
    expires_at     timestamptz not null
);
