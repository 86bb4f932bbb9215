-- Appends run in parallel (no store-wide lock); readers in position order use a watermark instead
-- (AppendWatermark), which needs two things of every appending transaction:
--  * it draws its transaction id before it draws a position, so that a transaction that can still
--    commit a position has an id that shows as in progress from the moment that position exists;
--  * positions come from one uncached sequence, so its last value bounds every position drawn.
-- The id is stored with each event (transaction_id): it names the unit that committed together.
-- Rows stored before this migration have none.

create sequence event_store.domain_event_position as bigint cache 1;

-- continue exactly where the identity sequence stopped: a position drawn by a rolled-back append
-- may already have been passed by a reader, so it must never be drawn again
do $$
declare
    identity_sequence text := pg_get_serial_sequence('event_store.domain_event_entry', 'global_index');
    last_drawn bigint;
    drawn boolean;
begin
    execute format('select last_value, is_called from %s', identity_sequence) into last_drawn, drawn;
    perform setval('event_store.domain_event_position', last_drawn, drawn);
end
$$;

alter table event_store.domain_event_entry alter column global_index drop identity;
alter sequence event_store.domain_event_position owned by event_store.domain_event_entry.global_index;

-- CASE evaluates its condition first: the transaction id is drawn before the position
create function event_store.next_position() returns bigint language sql volatile as $$
    select case when pg_current_xact_id() is not null then nextval('event_store.domain_event_position') end
$$;

alter table event_store.domain_event_entry alter column global_index set default event_store.next_position();
alter table event_store.domain_event_entry add column transaction_id xid8;
alter table event_store.domain_event_entry alter column transaction_id set default pg_current_xact_id();

comment on column event_store.domain_event_entry.transaction_id is
    'The appending transaction, drawn before the position; null for events stored before it was recorded';
