-- Read models of the query side (processing groups "centre-views" and "grant-views").
-- Portable SQL: PostgreSQL 15+ and H2 2.3 in PostgreSQL mode. Money in euro cents (bigint).
-- Every table is owned by exactly one processing group; its @ResetHandler deletes the rows
-- and a replay of the events rebuilds them.

-- ---------------------------------------------------------------- centre-views

-- The integration centres (CentreProjection).
create table centre_view (
    centre_id       varchar(8)   not null,
    name            varchar(200) not null,
    centre_type     varchar(60)  not null,
    region          varchar(20)  not null,
    established_on  date         not null,
    closed_on       date,
    constraint pk_centre_view primary key (centre_id)
);

-- The volunteer roster with plaintext personal data, null once erased (VolunteerProjection).
create table volunteer_view (
    volunteer_id      char(36)     not null,
    centre_id         varchar(8)   not null,
    name              varchar(200),
    email             varchar(254),
    phone             varchar(30),
    availability      varchar(500),
    status            varchar(10)  not null,
    registered_on     date         not null,
    consent_document  varchar(200),
    consent_version   varchar(40),
    consent_given_at  timestamp with time zone,
    erased            boolean      not null,
    constraint pk_volunteer_view primary key (volunteer_id)
);
-- the roster of a centre, and the count of active volunteers per centre
create index ix_volunteer_view_centre_status on volunteer_view (centre_id, status);

create table volunteer_language (
    volunteer_id   char(36)   not null,
    language_code  varchar(8) not null,
    constraint pk_volunteer_language primary key (volunteer_id, language_code)
);
create index ix_volunteer_language_code on volunteer_language (language_code, volunteer_id);

create table volunteer_interest (
    volunteer_id  char(36)    not null,
    category      varchar(30) not null,
    constraint pk_volunteer_interest primary key (volunteer_id, category)
);
create index ix_volunteer_interest_category on volunteer_interest (category, volunteer_id);

-- The activity log: one row per activity in its latest state (ActivityProjection).
create table activity_view (
    activity_id    char(36)     not null,
    volunteer_id   char(36)     not null,
    centre_id      varchar(8)   not null,
    activity_date  date         not null,
    minutes        integer      not null,
    category       varchar(30)  not null,
    note           varchar(1000),
    grant_id       char(36),
    withdrawn      boolean      not null,
    corrected      boolean      not null,
    logged_at      timestamp with time zone not null,
    constraint pk_activity_view primary key (activity_id)
);
-- a centre's log, newest first, optionally for a period
create index ix_activity_view_centre_date on activity_view (centre_id, activity_date desc, logged_at desc);
-- a centre's log by category and period
create index ix_activity_view_centre_category_date on activity_view (centre_id, category, activity_date);
-- one volunteer's activities (log filter, hours per year)
create index ix_activity_view_volunteer_date on activity_view (volunteer_id, activity_date);

-- Minutes and number of counted (not withdrawn) activities per volunteer and calendar year.
create table volunteer_year_stats (
    volunteer_id   char(36) not null,
    activity_year  integer  not null,
    minutes        bigint   not null,
    activities     integer  not null,
    constraint pk_volunteer_year_stats primary key (volunteer_id, activity_year)
);

-- Counted activities and minutes per centre, funding year and category (the ministry overview).
create table centre_activity_stats (
    centre_id     varchar(8)  not null,
    funding_year  integer     not null,
    category      varchar(30) not null,
    activities    bigint      not null,
    minutes       bigint      not null,
    constraint pk_centre_activity_stats primary key (centre_id, funding_year, category)
);
create index ix_centre_activity_stats_year on centre_activity_stats (funding_year);

-- ---------------------------------------------------------------- grant-views

-- The grant-views group's own copy of the centres' names, so it never depends on centre-views.
create table grant_centre (
    centre_id  varchar(8)   not null,
    name       varchar(200) not null,
    constraint pk_grant_centre primary key (centre_id)
);

-- The grants register (GrantProjection).
create table grant_view (
    grant_id          char(36)      not null,
    centre_id         varchar(8)    not null,
    centre_name       varchar(200),
    region            varchar(20)   not null,
    funding_year      integer       not null,
    programme_part    varchar(20)   not null,
    title             varchar(200)  not null,
    purpose           varchar(4000) not null,
    status            varchar(20)   not null,
    requested_cents   bigint        not null,
    approved_cents    bigint,
    recommendation    varchar(20),
    review_note       varchar(4000),
    decision_note     varchar(4000),
    applied_on        date          not null,
    applied_by        varchar(200),
    reviewed_by       varchar(200),
    decided_by        varchar(200),
    decided_on        date,
    next_step         varchar(200)  not null,
    last_sequence     bigint        not null,
    constraint pk_grant_view primary key (grant_id)
);
-- a centre's grants, by funding year
create index ix_grant_view_centre_year on grant_view (centre_id, funding_year);
-- all grants of a funding year by status (grant officers, ministry overview)
create index ix_grant_view_year_status on grant_view (funding_year, status);

-- Every fact of every grant, in order, for auditors.
create table grant_history (
    grant_id               char(36)      not null,
    sequence_number        bigint        not null,
    centre_id              varchar(8)    not null,
    fact                   varchar(60)   not null,
    occurred_at            timestamp with time zone not null,
    actor_account          varchar(200),
    actor_role             varchar(20),
    status_before          varchar(20),
    status_after           varchar(20)   not null,
    approved_before_cents  bigint,
    approved_after_cents   bigint,
    amount_cents           bigint,
    reason                 varchar(4200),
    constraint pk_grant_history primary key (grant_id, sequence_number)
);
