-- Answers of writes sent with an Idempotency-Key, kept 24 hours. A key is claimed in the same
-- transaction that appends the write's events, so a refused or failed write leaves no claim.

create table idempotency_key (
    idempotency_key varchar(255)             not null,
    method          varchar(16)              not null,
    path            varchar(2048)            not null,
    request_hash    char(64)                 not null,
    status          integer,
    location        varchar(2048),
    answer          text,
    created_at      timestamp with time zone not null default now(),
    constraint idempotency_key_pkey primary key (idempotency_key, method, path)
);

create index idempotency_key_created_at_idx on idempotency_key (created_at);
