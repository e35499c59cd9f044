-- Issue 19 (rule 23): requests recorded before their dates existed get them scheduled once. This puts the one execution
-- of the scheduler's task help-request-dates-backfill (command.coordination.HelpRequestDatesBackfill) into the
-- scheduler's table, due at once: one row per database, so it runs once whatever the number of nodes and restarts, on a
-- node with the command role. On a new database it finds no request and is done.
insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
values ('help-request-dates-backfill', 'issue-19', null, current_timestamp, false, 1);
