-- Background reports (ADR 10): who asked for which report, how far it got, and the finished report
-- (serialized), so colleagues with the same rights can download it later from any node.
create table report_job (
    job_id            varchar(36)  not null primary key,
    funding_year      integer      not null,
    as_of             date         not null,
    cut_off           timestamp with time zone not null,
    centre_id         varchar(12),
    requested_by      varchar(100) not null,
    requested_at      timestamp with time zone not null,
    status            varchar(16)  not null,
    events_processed  bigint       not null,
    events_total      bigint       not null,
    started_at        timestamp with time zone,
    updated_at        timestamp with time zone,
    finished_at       timestamp with time zone,
    checksum          char(64),
    error             varchar(500),
    result            bytea
);
create index report_job_requested_at on report_job (requested_at);
