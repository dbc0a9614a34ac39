-- Authorization codes: single use, 60 s, bound to the client, the redirect URI and the PKCE challenge. The code itself
-- is never stored, only its SHA-256. A row names the pseudonym the token will carry, never a member id.
create table authorization_code (
    code_hash       bytea       primary key check (octet_length(code_hash) = 32),
    client_id       text        not null,
    redirect_uri    text        not null,
    code_challenge  text        not null,
    nonce           text,
    pseudonym       text        not null,
    scope           text        not null,
    claims          text        not null,   -- JSON of the claims the ID token will carry beside the standard ones
    expires_at      timestamptz not null,
    redeemed        boolean     not null default false
);
