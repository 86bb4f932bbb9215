-- Axon's JDBC dead-letter queue: events a projection parked because they fail the same way on
-- every retry, one sequence (a crisis, a channel, ...) per projection blocked behind each.
-- Column types follow Axon's own table factory (timestamps as ISO-8601 text).

create table dead_letter_entry (
    dead_letter_id       varchar(255) not null primary key,
    processing_group     varchar(255) not null,
    sequence_identifier  varchar(255) not null,
    sequence_index       bigint       not null,
    message_type         varchar(255) not null,
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    aggregate_type       varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          varchar(255) not null,
    last_touched         varchar(255),
    processing_started   varchar(255),
    cause_type           varchar(255),
    cause_message        text,
    diagnostics          bytea,
    constraint dead_letter_entry_sequence_key unique (processing_group, sequence_identifier, sequence_index)
);
