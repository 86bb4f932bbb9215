-- The Merkle log over the whole event store (RFC 9162), its signing keys and its signed checkpoints.
-- The command service's one signer fills them; the query service only reads them. No foreign key
-- ties a leaf to its event: a leaf outlives a deleted event, which is how the deletion shows.

-- Leaf n of the tree is the n-th event in position order (positions have gaps, tree sizes do not).
create table merkle_leaf (
    leaf_index   bigint primary key check (leaf_index >= 0),
    global_index bigint not null unique,
    -- the event's chain hash (its metadata's "hash") as raw bytes; the leaf hash is SHA-256(0x00 || it)
    event_hash   bytea  not null check (length(event_hash) = 32)
);

-- Public keys only: the private key lives in a file outside the database.
create table checkpoint_key (
    key_id     varchar(300) primary key,
    name       varchar(255) not null,
    public_key bytea        not null check (length(public_key) = 32),
    created_at timestamptz  not null default now()
);

create table checkpoint (
    id            bigint generated always as identity primary key,
    tree_size     bigint       not null unique check (tree_size >= 0),
    last_position bigint       not null,
    root_hash     bytea        not null check (length(root_hash) = 32),
    signed_at     timestamptz  not null,
    key_id        varchar(300) not null,
    -- SHA-256 of the previous checkpoint's signed note; null for the first
    previous_hash bytea check (length(previous_hash) = 32),
    -- the C2SP signed note: what was signed, and the signature; the columns above repeat its text
    note          text         not null
);

comment on table merkle_leaf is 'Leaf index of every event in the Merkle log, assigned in position order up to a safe position';
comment on table checkpoint is 'Signed checkpoints of the Merkle log, each chained to the previous one';
