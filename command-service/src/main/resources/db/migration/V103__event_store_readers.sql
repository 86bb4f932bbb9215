-- Who may read the event store: members of the group role crisis_event_reader (the query service's
-- login role), which may read every table and sequence of event_store and write none of them.
-- Roles belong to the whole server, not to this database: the role is made here only if it is
-- missing and this migration may make roles (CREATEROLE); on a managed server a DBA makes it first
-- (deploy/postgres/roles.sql), and a concurrent migration of another database may make it meanwhile.
do $$
begin
    if not exists (select from pg_roles where rolname = 'crisis_event_reader') then
        create role crisis_event_reader nologin;
    end if;
exception
    when duplicate_object or unique_violation then null; -- made meanwhile by another migration
    when insufficient_privilege then
        raise exception 'role crisis_event_reader is missing and % may not create roles: run deploy/postgres/roles.sql as an administrator first', current_user;
end
$$;

grant usage on schema event_store to crisis_event_reader;
grant select on all tables in schema event_store to crisis_event_reader;
-- the watermark reads the position sequence's last value (SELECT); drawing from it needs USAGE or UPDATE
grant select on all sequences in schema event_store to crisis_event_reader;
-- tables and sequences that later migrations of this role add are readable too
alter default privileges in schema event_store grant select on tables to crisis_event_reader;
alter default privileges in schema event_store grant select on sequences to crisis_event_reader;
