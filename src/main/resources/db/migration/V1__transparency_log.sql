-- The transparency log (docs/log.md).
--
-- log_pending  appends committed by features, in their own transactions, not yet in the tree
-- log_entry    integrated entries by index; the leaf is the entry's bytes
-- log_node     every perfect subtree hash (level 0 = leaf hashes), so that a proof is one read of O(log n) rows
--              and a tlog tile is one range read
-- log_checkpoint every signed checkpoint, one per integrated batch

create table log_pending (
    id      bigint generated always as identity primary key,
    entry   bytea   not null check (octet_length(entry) between 2 and 65535),
    shuffle boolean not null
);

create table log_entry (
    idx        bigint primary key check (idx >= 0),
    entry      bytea  not null,
    -- lets a waiting appender find its index; null for entries integrated in shuffled order
    pending_id bigint unique
);

create table log_node (
    level smallint not null check (level between 0 and 63),
    idx   bigint   not null check (idx >= 0),
    hash  bytea    not null check (octet_length(hash) = 32),
    primary key (level, idx)
);

create index log_node_leaf_hash on log_node (hash) where level = 0;

create table log_checkpoint (
    size bigint primary key check (size > 0),
    root bytea  not null check (octet_length(root) = 32),
    note text   not null
);

-- Integrated history is append-only. This stops application bugs, not a database superuser: the public
-- checkpoints and `heteronym audit` are what catch a rewritten history.
create function log_refuse_rewrite() returns trigger language plpgsql as $$
begin
    raise exception 'the transparency log is append-only: % on % refused', tg_op, tg_table_name;
end
$$;

create trigger log_entry_append_only before update or delete on log_entry
    for each row execute function log_refuse_rewrite();
create trigger log_node_append_only before update or delete on log_node
    for each row execute function log_refuse_rewrite();
create trigger log_checkpoint_append_only before update or delete on log_checkpoint
    for each row execute function log_refuse_rewrite();
