-- Coordination (issue 18): requests for help, assignments, the volunteers' booked times, availability, personal
-- links and certificates. Processing group "centre-views"; a replay rebuilds them. Personal data (the requester's
-- name and contact, the place, the note, reasons, availability) only as the events' ciphertext (ADR 22), opened
-- by the queries. Keys and indexes unnamed, as read-model tables' are (a rebuild renames them).

-- One row per request in its latest state (HelpRequestProjection). Languages and weekdays as sorted, comma-separated
-- codes; start and end as HH:MM (ISO-8601 local time); starts_at/ends_at the first and last occurrence (the board's order).
create table help_request_view (
    request_id                char(36)      not null,
    centre_id                 varchar(8)    not null,
    region                    varchar(20)   not null,
    category                  varchar(30)   not null,
    languages                 varchar(400)  not null,
    first_day                 date          not null,
    last_day                  date          not null,
    weekdays                  varchar(80)   not null,
    start_time                varchar(12)   not null,
    end_time                  varchar(12)   not null,
    starts_at                 timestamp with time zone not null,
    ends_at                   timestamp with time zone not null,
    minutes                   integer       not null,
    municipality              varchar(100)  not null,
    volunteers_needed         integer       not null,
    grant_id                  char(36),
    sealed_place              varchar(2000),
    sealed_requester_name     varchar(2000),
    sealed_requester_contact  varchar(2000),
    sealed_note               varchar(4000),
    requester_erased          boolean       not null,
    status                    varchar(20)   not null,
    confirmed                 integer       not null,
    pending                   integer       not null,
    opened_at                 timestamp with time zone not null,
    staffed_at                timestamp with time zone,
    cancelled_at              timestamp with time zone,
    closed_at                 timestamp with time zone,
    closed_on                 date,
    primary key (request_id)
);
-- a centre's board by status, soonest first
create index on help_request_view (centre_id, status, starts_at);

-- A request's status and confirmed places after each of its events, in order (the figures as of a date).
create table help_request_status (
    request_id       char(36)    not null,
    sequence_number  bigint      not null,
    changed_at       timestamp with time zone not null,
    status           varchar(20) not null,
    confirmed        integer     not null,
    primary key (request_id, sequence_number)
);

-- One row per assignment in its latest state; the decline or cancellation reason sealed under the volunteer's key.
create table assignment_view (
    assignment_id       char(36)    not null,
    request_id          char(36)    not null,
    centre_id           varchar(8)  not null,
    volunteer_id        char(36)    not null,
    status              varchar(20) not null,
    after_confirmation  boolean     not null,
    sealed_reason       varchar(4000),
    primary key (assignment_id)
);
create index on assignment_view (request_id);
create index on assignment_view (volunteer_id);

-- The days an assignment took place (outcome TOOK_PLACE, with minutes) or the volunteer did not come (NO_SHOW).
create table assignment_day (
    assignment_id  char(36)    not null,
    on_day         date        not null,
    outcome        varchar(12) not null,
    minutes        integer,
    primary key (assignment_id, on_day)
);

-- The time a live, held assignment (asked or confirmed) takes of its volunteer: one row per occurrence (matching).
create table volunteer_booking (
    volunteer_id   char(36)   not null,
    starts_at      timestamp with time zone not null,
    assignment_id  char(36)   not null,
    ends_at        timestamp with time zone not null,
    centre_id      varchar(8) not null,
    primary key (volunteer_id, starts_at, assignment_id)
);
create index on volunteer_booking (centre_id, starts_at);
create index on volunteer_booking (assignment_id);

-- When a volunteer is usually free and away, sealed (VolunteerCoordinationProjection); null once erased.
create table volunteer_availability (
    volunteer_id         char(36)    not null,
    centre_id            varchar(8)  not null,
    sealed_availability  varchar(4000),
    primary key (volunteer_id)
);

-- A volunteer's current personal link: only its token's SHA-256 hash. ended: revoked, or the volunteer
-- deactivated or erased (a new link must be issued).
create table volunteer_link (
    volunteer_id  char(36)    not null,
    centre_id     varchar(8)  not null,
    link_id       char(36)    not null,
    token_hash    char(64)    not null,
    expires_on    date        not null,
    ended         boolean     not null,
    primary key (volunteer_id)
);
create index on volunteer_link (token_hash);

-- Issued confirmations of volunteering: totals as "year:CATEGORY:minutes" lines; erased once the volunteer is.
create table certificate_view (
    certificate_id  char(36)     not null,
    volunteer_id    char(36)     not null,
    centre_id       varchar(8)   not null,
    issued_on       date         not null,
    lines           varchar(4000) not null,
    erased          boolean      not null,
    primary key (certificate_id)
);
create index on certificate_view (volunteer_id);
