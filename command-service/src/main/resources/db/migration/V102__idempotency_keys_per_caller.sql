-- An Idempotency-Key is scoped to the caller that sent it (the actor of its token: issuer and
-- subject), so that one caller's key can never answer another caller's request with its answer.
-- Keys kept from before callers were authenticated belong to no caller and expire as before.

alter table idempotency_key add column caller varchar(1024) not null default '';
alter table idempotency_key alter column caller drop default;
alter table idempotency_key drop constraint idempotency_key_pkey;
alter table idempotency_key add constraint idempotency_key_pkey primary key (caller, idempotency_key, method, path);
