-- Rebuilds of the read models without downtime (ADR 11): one row per read model (processing group)
-- and generation. The node that replays writes a heartbeat; another node takes over a rebuild
-- whose heartbeat has stopped. SWITCHING is only ever seen after a crash on H2, whose DDL commits
-- at once: the next start completes the switch.
create table read_model_rebuild (
    processing_group  varchar(100) not null,
    generation        integer      not null,
    state             varchar(16)  not null,
    -- the group while REPLAYING or SWITCHING, null after: at most one rebuild of a group at a time, across nodes
    active_group      varchar(100),
    node              varchar(255) not null,
    started_at        timestamp with time zone not null,
    heartbeat_at      timestamp with time zone not null,
    finished_at       timestamp with time zone,
    head_at_start     bigint       not null,
    error             varchar(500),
    constraint pk_read_model_rebuild primary key (processing_group, generation),
    constraint uk_read_model_rebuild_active unique (active_group)
);
