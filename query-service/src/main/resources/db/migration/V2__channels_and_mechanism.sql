-- The channel view: each major-power channel with its participants, statements and proposals.

create table channel (
    channel_id         uuid         not null primary key,
    crisis_id          uuid         not null,
    agenda             text         not null,
    participants       varchar(8)[] not null,
    acknowledge_within varchar(32)  not null,
    acknowledge_by     timestamptz  not null,
    convened_at        timestamptz  not null,
    status             varchar(16)  not null,
    outcome            varchar(32),
    note               text,
    closed_at          timestamptz,
    version            bigint       not null
);

create index channel_crisis_idx on channel (crisis_id);

create table channel_participant (
    channel_id      uuid       not null references channel on delete cascade,
    participant     varchar(8) not null,
    acknowledged_at timestamptz,
    late            boolean    not null default false,
    overdue_at      timestamptz,
    constraint channel_participant_pkey primary key (channel_id, participant)
);

create table channel_statement (
    channel_id   uuid        not null references channel on delete cascade,
    sequence     bigint      not null,
    participant  varchar(8)  not null,
    text         text        not null,
    submitted_at timestamptz not null,
    constraint channel_statement_pkey primary key (channel_id, sequence)
);

create table channel_proposal (
    proposal_id uuid        not null primary key,
    channel_id  uuid        not null references channel on delete cascade,
    proposer    varchar(8)  not null,
    text        text        not null,
    proposed_at timestamptz not null,
    status      varchar(16) not null,
    adopted_at  timestamptz
);

create index channel_proposal_channel_idx on channel_proposal (channel_id);

create table channel_endorsement (
    proposal_id uuid        not null references channel_proposal on delete cascade,
    participant varchar(8)  not null,
    endorsed_at timestamptz not null,
    constraint channel_endorsement_pkey primary key (proposal_id, participant)
);

-- The security mechanism: its agreed agenda, member states and non-violence pledges.

create table mechanism_topic (
    topic       varchar(64) not null primary key,
    tier        integer     not null,
    admitted_at timestamptz not null
);

create table mechanism_member (
    state     varchar(2)  not null primary key,
    joined_at timestamptz not null
);

create table mechanism_pledge (
    party      varchar(8)  not null primary key,
    pledged_at timestamptz not null
);
