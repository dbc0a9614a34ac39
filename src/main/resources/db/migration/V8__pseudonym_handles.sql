-- The handle a forum shows for a pseudonym (preferred_username, name) is a public function of the pseudonym and a
-- variant; the variant is 0 unless that forum already has the handle, so two members never share an account name
-- (phpBB keys accounts on it). No pseudonym row existed before forum login, so the columns are required at once.
alter table pseudonym add column handle text not null;
alter table pseudonym add column handle_variant integer not null check (handle_variant between 0 and 15);
alter table pseudonym add constraint pseudonym_handle_unique unique (forum_id, handle);

-- Access tokens are signed JWTs; what revokes them is listed here until they would have expired anyway: a token by
-- its id (RFC 7009 revocation, a replayed code), or every token of a pseudonym issued before an instant (suspension).
create table revoked_token (
    token_id    text        primary key,
    expires_at  timestamptz not null
);
create table revoked_subject (
    client_id       text        not null,
    pseudonym       text        not null,
    revoked_before  timestamptz not null,
    expires_at      timestamptz not null,
    primary key (client_id, pseudonym)
);

-- A redeemed code remembers the access token it issued, so that a replay of the code can revoke it (RFC 9700 §4.5).
alter table authorization_code add column token_id text;
alter table authorization_code add column token_expires_at timestamptz;
