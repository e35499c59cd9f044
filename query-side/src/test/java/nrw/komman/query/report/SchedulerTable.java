package nrw.komman.query.report;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * The database scheduler's table in a query-side test database, as the application's migration V42 creates it (the
 * query side's own migrations do not: the table is the application's).
 */
final class SchedulerTable {

    private SchedulerTable() {
    }

    static DataSource createIn(DataSource database) {
        new JdbcTemplate(database).execute("""
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
                    primary key (task_name, task_instance)
                )""");
        return database;
    }
}
