-- Read models of the query service, in their own schema. Projections rebuild every table here
-- from the event store; nothing in this schema is a record of its own.

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    constraint token_entry_pkey primary key (processor_name, segment)
);

-- The crisis board: one row per crisis, with its mechanism track in crisis_referral.
create table crisis (
    crisis_id          uuid         not null primary key,
    title              text         not null,
    hotspot            text         not null,
    topic              varchar(64)  not null,
    tier               integer      not null,
    severity           integer      not null,
    status             varchar(16)  not null,
    involved_states    varchar(2)[] not null,
    summary            text         not null,
    on_agenda_at_raise boolean      not null,
    raised_at          timestamptz  not null,
    last_activity_at   timestamptz  not null,
    version            bigint       not null,
    resolved_at        timestamptz,
    resolution         text,
    -- the power track: the crisis's latest major-power channel
    channel_id           uuid,
    channel_status       varchar(16),
    channel_outcome      varchar(32),
    channel_participants    integer      not null default 0,
    channel_acknowledged_by varchar(8)[] not null default '{}',
    joint_statement      varchar(16) not null default 'NONE'
);

create index crisis_last_activity_idx on crisis (last_activity_at desc, crisis_id);
create index crisis_involved_states_idx on crisis using gin (involved_states);

create table crisis_referral (
    referral_id    uuid        not null primary key,
    crisis_id      uuid        not null references crisis on delete cascade,
    organization   varchar(16) not null,
    status         varchar(32) not null,
    mandate        text        not null,
    referred_at    timestamptz not null,
    answered_at    timestamptz,
    decline_reason text,
    findings       text,
    recommendation text,
    reported_at    timestamptz
);

create index crisis_referral_crisis_idx on crisis_referral (crisis_id);
create index crisis_referral_organization_idx on crisis_referral (organization, crisis_id);

create table crisis_minilateral_involvement (
    crisis_id   uuid        not null references crisis on delete cascade,
    sequence    bigint      not null,
    bloc        varchar(16) not null,
    description text        not null,
    recorded_at timestamptz not null,
    constraint crisis_minilateral_involvement_pkey primary key (crisis_id, sequence)
);

-- Topics on the agreed agenda, as the board sees them (for the on/outside agenda flags).
create table board_agenda_topic (
    topic       varchar(64) not null primary key,
    admitted_at timestamptz not null
);
