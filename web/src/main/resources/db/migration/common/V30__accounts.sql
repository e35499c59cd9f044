-- Accounts of the people and programs that use the platform (web module, versions V30-V39).
-- Portable SQL: PostgreSQL 15+ and H2 2.3 in PostgreSQL mode.
-- Passwords are stored as DelegatingPasswordEncoder hashes ("{bcrypt}$2a$..."), never in plain text.
create table account (
    username            varchar(64)              not null,
    password_hash       varchar(200)             not null,
    role                varchar(20)              not null,
    centre_id           varchar(8),
    enabled             boolean                  not null,
    created_at          timestamp with time zone not null,
    created_by          varchar(64)              not null,
    updated_at          timestamp with time zone not null,
    updated_by          varchar(64)              not null,
    password_changed_at timestamp with time zone not null,
    constraint account_pk primary key (username),
    constraint account_role_known
        check (role in ('COORDINATOR', 'GRANT_OFFICER', 'MINISTRY', 'AUDITOR', 'ADMINISTRATOR')),
    -- a coordinator is bound to exactly one centre; nobody else is
    constraint account_centre_for_coordinators_only
        check ((role = 'COORDINATOR' and centre_id is not null) or (role <> 'COORDINATOR' and centre_id is null))
);

create index account_role_enabled on account (role, enabled);
