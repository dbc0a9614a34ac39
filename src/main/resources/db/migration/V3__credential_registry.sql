-- Trust anchors (health-professional CAs) and licensing authorities, managed by the operator over the admin API
-- (docs/credentials.md, "Managing anchors and authorities"). Rows are never deleted: retiring sets retired_on, so
-- an id named by a log entry or by a member's credential always resolves to what it meant. Ids are never reused.
-- Definitions are JSON text: they are read whole, never queried by their parts.

create table trust_anchor (
    id                    text primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    ca_certificates       text not null,  -- JSON array of base64 DER certificates
    licence_attribute_oid text not null,
    name_attribute_oid    text not null,
    profession_by_policy  text not null,  -- JSON object: certificate policy OID -> profession wire name
    registered_on         date not null,
    retired_on            date,
    check (retired_on is null or retired_on >= registered_on)
);

create table licensing_authority (
    id                   text primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    issuer               text not null,
    jwks                 text not null,  -- JSON JWK Set, public members only
    vcts                 text not null,  -- JSON array of accepted vct values
    claims               text not null,  -- JSON object: role (licence_number, given_name, ...) -> claim name
    professions          text not null,  -- JSON object: profession claim value -> profession wire name
    status_list_prefixes text not null,  -- JSON array of URI prefixes a status list must start with
    registered_on        date not null,
    retired_on           date,
    check (retired_on is null or retired_on >= registered_on)
);

-- the attestation verifier finds an authority by iss, so two active authorities may not share one
create unique index licensing_authority_active_issuer on licensing_authority (issuer) where retired_on is null;
