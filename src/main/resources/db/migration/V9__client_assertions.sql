-- private_key_jwt client assertions are single use (RFC 7523 §3, item 7): each jti is remembered until the assertion
-- expires (at most five minutes ahead), by its SHA-256 so that no caller-chosen text is stored.
create table client_assertion (
    client_id   text        not null,
    jti_hash    bytea       not null check (octet_length(jti_hash) = 32),
    expires_at  timestamptz not null,
    primary key (client_id, jti_hash)
);
create index client_assertion_expiry on client_assertion (expires_at);
