-- The roles and schemas of a PostgreSQL the services share, for a server where they may not make
-- roles themselves (a managed one). Run once, as an administrator with CREATEROLE (the server's
-- admin user), connected to the services' database:
--
--   psql "host=... dbname=crisis user=admin" -v command_password="..." -v query_password="..." \
--        -f deploy/postgres/roles.sql
--
-- crisis_command   the command service: owns event_store, runs its migrations, appends events
-- crisis_query     the query service: owns read_model and read_model_b (its migrations, its read
--                  models' two table sets, tokens, dead letters); reads event_store through
--                  crisis_event_reader and can change nothing there
-- crisis_event_reader  SELECT on event_store's tables and sequences, granted by the command
--                  service's migration V103 (and by default on every table it adds later)
\set ON_ERROR_STOP on

create role crisis_command login password :'command_password' connection limit 100;
create role crisis_event_reader nologin;
create role crisis_query login password :'query_password' connection limit 40 in role crisis_event_reader;

-- on PostgreSQL 16 and later an admin that is not a superuser must be a member to hand a schema over
grant crisis_command, crisis_query to current_user;

create schema event_store authorization crisis_command;
create schema read_model authorization crisis_query;
-- each projection's second table set, rebuilt beside the served one by a replay
create schema read_model_b authorization crisis_query;

-- nothing else in this database for anyone else
revoke all on schema public from public;
select format('revoke all on database %I from public', current_database()) \gexec
select format('grant connect on database %I to crisis_command, crisis_query', current_database()) \gexec
