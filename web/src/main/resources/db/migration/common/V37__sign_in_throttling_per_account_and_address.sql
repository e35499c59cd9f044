-- Sign-in throttling per account name and client address (web module, ADR 24; it replaces the per-account lockout
-- of ADR 13). Portable SQL: PostgreSQL 15+ and H2 2.3 in PostgreSQL mode.

-- One row per pair of account name and client address (an IPv6 address by its /64 network) with failed sign-ins,
-- in the database so that every node counts the same failures. The name is kept as the hex SHA-256 of its
-- normalised form: names that are no account are counted too (so that known and unknown names do the same work),
-- and people type passwords into the name field. Rows whose window and block have passed are deleted.
create table sign_in_throttle (
    account_key     varchar(64)              not null,
    client          varchar(64)              not null,
    failures        integer                  not null,
    window_start    timestamp with time zone not null,
    blocked_until   timestamp with time zone,
    last_failure_at timestamp with time zone not null,
    constraint sign_in_throttle_pk primary key (account_key, client)
);

create index sign_in_throttle_last_failure on sign_in_throttle (last_failure_at);

-- account.failed_sign_ins, first_failed_sign_in_at and locked_until (V31) are no longer read or written; they stay
-- for nodes of the previous release during a rolling upgrade, and a later release drops them.
