-- Trustees, key ceremonies and the trustee-set epochs they produce (docs/escrow-protocol.md §21).
-- The service only relays and verifies public messages; no secret share ever reaches it.

create table trustee (
    id            uuid primary key,
    name          text  not null unique check (length(name) between 1 and 200),
    public_key    bytea not null unique check (octet_length(public_key) = 33),
    registered_on date  not null
);

create table ceremony (
    id           text    primary key,
    session_id   bytea   not null,
    threshold    integer not null check (threshold >= 1),
    participants text    not null,  -- JSON: [{index, trustee, name, public_key}] in index order
    state        text    not null check (state in ('ROUND1', 'ROUND2', 'COMPLETE', 'ABORTED')),
    epoch_id     bytea,
    abort_reason text,
    culprit      integer
);

create table ceremony_message (
    id          text    primary key,  -- ceremony:round:index
    ceremony_id text    not null references ceremony (id),
    round       integer not null check (round in (1, 2)),
    idx         integer not null check (idx >= 1),
    message     bytea   not null,
    unique (ceremony_id, round, idx)
);

create table epoch (
    id              text    primary key,  -- hex of the transcript hash
    ceremony_id     text    not null unique references ceremony (id),
    threshold       integer not null,
    participants    integer not null,
    joint_key       bytea   not null check (octet_length(joint_key) = 33),
    trustee_keys    bytea   not null,     -- n × 33 bytes, in index order
    log_leaf_hash   bytea   not null,     -- the leaf of its trustee-set.established entry, for inclusion proofs
    established_on  date    not null
);
