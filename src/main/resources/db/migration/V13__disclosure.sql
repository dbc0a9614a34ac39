-- Court-ordered disclosure (docs/disclosure.md). Court anchors and legal officers are registered by the operator;
-- a disclosure request holds the order (the document stays here, the log gets its digest and CMS signature), the
-- target and the envelope it names, and moves through the states of docs/disclosure.md §3. Shares and refusals are
-- what trustees submitted; the service never holds a decryption share in the clear (each is encrypted to the
-- officer's key).
create table court_anchor (
    id              uuid    primary key,
    name            text    not null unique,
    ca_certificates text    not null, -- base64 DER certificates, separated by commas
    registered_on   date    not null,
    retired_on      date
);

create table legal_officer (
    id              uuid    primary key,
    subject         text    not null unique,
    name            text    not null,
    public_key      bytea   not null unique check (octet_length(public_key) = 33),
    registered_on   date    not null,
    retired_on      date
);

create table disclosure_request (
    id              uuid    primary key,
    officer_id      uuid    not null references legal_officer (id),
    anchor_id       uuid    not null references court_anchor (id),
    order_document  bytea   not null,
    order_sha256    bytea   not null unique check (octet_length(order_sha256) = 32),
    order_signature bytea   not null,
    court           text    not null,
    case_reference  text    not null,
    order_date      date    not null,
    order_expires   date    not null,
    forum_id        text    not null,
    pseudonym       text    not null,
    posts           text    not null,
    reasons         text    not null,
    envelope_index  bigint  not null,
    epoch_id        text    not null references epoch (id),
    gag_until       date,
    review_from     date    not null,
    review_until    date    not null,
    state           text    not null check (state in ('notice', 'review', 'released', 'refused', 'expired', 'withdrawn')),
    -- the pending id of the disclosure.filed entry; its log index is found through log_entry.pending_id
    filed_pending_id bigint not null,
    notified_on     date,
    -- when the member first saw the notice on their page; until then each sign-in leads there first
    notice_seen_on  date,
    filed_on        date    not null,
    closed_on       date,
    foreign key (forum_id, pseudonym) references pseudonym (forum_id, pseudonym)
);

create index disclosure_request_open on disclosure_request (state) where state in ('notice', 'review');
create index disclosure_request_target on disclosure_request (forum_id, pseudonym);
create index disclosure_request_unseen on disclosure_request (forum_id) where notified_on is not null and notice_seen_on is null;

create table disclosure_share (
    request_id      uuid     not null references disclosure_request (id),
    trustee_index   integer  not null check (trustee_index between 1 and 255),
    checkpoint_size bigint   not null,
    share           bytea    not null,
    submitted_on    date     not null,
    pending_id      bigint   not null,
    primary key (request_id, trustee_index)
);

create table disclosure_refusal (
    request_id      uuid     not null references disclosure_request (id),
    trustee_index   integer  not null check (trustee_index between 1 and 255),
    reason          text     not null,
    signature       bytea    not null,
    submitted_on    date     not null,
    primary key (request_id, trustee_index)
);

create table disclosure_objection (
    id              uuid     primary key,
    request_id      uuid     not null references disclosure_request (id),
    source          text     not null check (source in ('member', 'forum')),
    text            text     not null,
    received_on     date     not null
);

-- One transparency report per month; the row makes the report's log entry happen once across replicas.
create table transparency_report (
    period          text     primary key check (period ~ '^[0-9]{4}-[0-9]{2}$'),
    through_index   bigint   not null,
    created_on      date     not null
);
