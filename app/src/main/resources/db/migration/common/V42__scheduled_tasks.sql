-- The persistent scheduler (db-scheduler, issue 19): Axon's deadlines (DbSchedulerDeadlineManager) and the platform's
-- recurring jobs, in the application database, so that a deadline set before a crash fires after the restart, once,
-- on exactly one node (a node picks an execution by updating its row with the version it read). The table is
-- db-scheduler's own, with bounded texts so that it is portable to H2 2.x in PostgreSQL mode (bytea is binary
-- varying there).
create table scheduled_tasks (
    task_name            varchar(100)             not null,
    task_instance        varchar(200)             not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            varchar(100),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    constraint pk_scheduled_tasks primary key (task_name, task_instance)
);
create index ix_scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index ix_scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index ix_scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);
