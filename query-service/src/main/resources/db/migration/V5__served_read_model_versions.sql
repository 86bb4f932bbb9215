-- Which of its two table sets each projection serves reads from (set A: this schema, set B:
-- read_model_b, made by these same migrations), and the rebuild of the other set, if one runs.
-- These migrations run in both schemas; this table, like token_entry and dead_letter_entry, is
-- used in read_model only (its rows and theirs name the processor of either set).

create table if not exists read_model.served_read_model (
    projection      varchar(255) not null primary key,
    served_set      char(1)      not null default 'A',
    version         bigint       not null default 1,
    state           varchar(16)  not null default 'IDLE',
    -- the replay in progress (state BUILDING), or the last one
    requested_at    timestamptz,
    requested_by    varchar(255),
    target_position bigint,
    switched_at     timestamptz,
    constraint served_read_model_set_check check (served_set in ('A', 'B')),
    constraint served_read_model_state_check check (state in ('IDLE', 'BUILDING', 'RETIRING'))
);
