-- Command side: what the retention rules (ADR 9) start from, kept in the transaction of the command that
-- changes it (like the e-mail claims of V10), so a retention run never has to ask a read model. Ids and dates
-- only: no personal data.

-- Inactive, not erased volunteers and the day their inactivity began. A deactivation enters (or moves) the
-- row, a reactivation or an erasure deletes it (JdbcVolunteerRetention).
create table volunteer_retention (
    volunteer_id   varchar(36) not null,
    centre_id      varchar(8)  not null,
    inactive_since date        not null,
    constraint pk_volunteer_retention primary key (volunteer_id)
);
create index ix_volunteer_retention_since on volunteer_retention (inactive_since);

-- Grant files and the day of their usage report, from which their keeping period runs (JdbcGrantFiles).
create table grant_file_retention (
    grant_id      varchar(36) not null,
    centre_id     varchar(8)  not null,
    funding_year  integer     not null,
    reported_on   date        not null,
    constraint pk_grant_file_retention primary key (grant_id)
);
create index ix_grant_file_retention_reported on grant_file_retention (reported_on);
