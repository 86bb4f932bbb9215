-- The hotspot heat map: one row per crisis with what the heat map counts of it, grouped by
-- hotspot and topic when read. Only HotspotHeatMapRepository reads or writes it.

create table hotspot_crisis (
    crisis_id         uuid        not null primary key,
    hotspot           text        not null,
    topic             varchar(64) not null,
    peak_severity     integer     not null,
    channels_convened integer     not null default 0,
    -- referrals made, by organisation: {"ASEAN": 2, "SCO": 1}
    referrals         jsonb       not null default '{}',
    raised_at         timestamptz not null,
    resolved_at       timestamptz,
    -- the sequence number of the last crisis event folded in: an event handled again changes nothing
    version           bigint      not null
);

create index hotspot_crisis_cell_idx on hotspot_crisis (hotspot, topic);
