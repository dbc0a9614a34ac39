-- Forums: the OpenID Connect clients the operator registers (docs/forums.md). Rows are never deleted: retiring sets
-- retired_on, and a client id is never reused, because a forum's pseudonyms derive from its client id. Definitions
-- are JSON text, read whole, never queried by their parts. A client secret is never stored, only its digest.

create table forum (
    id                     text    primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name                   text    not null,
    auth_method            text    not null check (auth_method in ('private_key_jwt', 'client_secret_basic')),
    jwks_uri               text,
    jwks                   text,   -- JSON JWK Set, public members only
    secret_digest          bytea   check (octet_length(secret_digest) = 32),  -- SHA-256 transcript, see docs/forums.md
    secret_issued_on       date,
    redirect_uris          text    not null,  -- JSON array, matched exactly
    allowed_professions    text    not null,  -- JSON array of profession wire names
    release_profession     boolean not null,
    backchannel_logout_uri text,
    registered_on          date    not null,
    retired_on             date,
    check (retired_on is null or retired_on >= registered_on),
    -- private_key_jwt: keys by URI or inline, never both; client_secret_basic: a secret digest, no keys
    check (auth_method <> 'private_key_jwt'
           or ((jwks_uri is null) <> (jwks is null) and secret_digest is null and secret_issued_on is null)),
    check (auth_method <> 'client_secret_basic'
           or (jwks_uri is null and jwks is null and secret_digest is not null and secret_issued_on is not null))
);
