-- One row per (forum, pseudonym): the pseudonym's own envelope, a re-randomisation of the member's sealed identity.
-- No member id is stored here, and nothing links a row to a member row but the pseudonym PRF key, which is not in
-- the database. Dates, not instants; the log entry's place in its batch is shuffled.
create table pseudonym (
    forum_id        text    not null,
    pseudonym       text    not null,
    epoch_id        text    not null references epoch (id),
    envelope        bytea   not null,
    binding_nonce   bytea   not null check (octet_length(binding_nonce) = 32),
    log_leaf_hash   bytea   not null check (octet_length(log_leaf_hash) = 32),
    created_on      date    not null,
    primary key (forum_id, pseudonym)
);
