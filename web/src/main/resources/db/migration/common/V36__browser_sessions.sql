-- Browser sessions in the database (web module, ADR 23): Spring Session JDBC's own tables, as its scripts for
-- PostgreSQL and H2 have them (bytea is H2's alias of binary varying). Every node with the web role reads and
-- writes them, so a session goes on at any node, and the index by account (principal_name) lets disabling an
-- account, a new password or a new role end all its sessions at once. Expired rows are deleted by Spring
-- Session's cleanup job (spring.session.jdbc.cleanup-cron). Only the signed-in account's name is a column; the
-- attributes (security context, CSRF token, flash messages) are serialized Java objects.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
