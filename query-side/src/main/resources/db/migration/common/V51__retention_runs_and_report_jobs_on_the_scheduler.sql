-- The retention runs, as their records tell them (RetentionRunProjection, ADR 39): what the administrators' page shows of
-- past runs, by hand or on the platform's schedule. The erased ids stay in the event only.
create table retention_run_view (
    run_id            varchar(100)              not null primary key,
    run_on            date                      not null,
    recorded_at       timestamp with time zone  not null,
    started_by        varchar(100)              not null,
    started_by_role   varchar(20)               not null,
    inactive_years    integer                   not null,
    grant_file_years  integer                   not null,
    erased            integer                   not null,
    grant_files_due   integer                   not null
);

-- The background reports run as tasks of the database scheduler from now on (ReportJobTask, ADR 39). A job the former
-- queue left waiting or running has no task: its node stopped for this upgrade, and nobody will finish it.
update report_job
   set status = 'FAILED', finished_at = coalesce(updated_at, requested_at),
       error = 'Der Bericht wurde nicht fertig (der Dienst wurde neu gestartet). Bitte neu anfordern.'
 where status in ('QUEUED', 'RUNNING');
