-- Command side of coordination (issue 18): the booking ledger (JdbcBookingLedger) that keeps a volunteer out of
-- two overlapping live assignments, on one node or many, and the register of ended requests for help that the
-- retention rules start from (JdbcRequesterRetention). Written in the command's transaction, like the budget
-- ledger (V12) and the retention register (V13). Ids and times only: no personal data.

-- One row per volunteer ever asked: the row every booking of the volunteer locks first (select ... for update),
-- so two bookings of one volunteer are checked one after the other, also across nodes.
create table booking_volunteer (
    volunteer_id varchar(36) not null,
    constraint pk_booking_volunteer primary key (volunteer_id)
);

-- Every live assignment (asked, offered, confirmed) with its request; holds_time is false for an offer not yet
-- accepted, which holds nothing. Deleted when the assignment is declined, cancelled, lapses, or its request is closed (after its last day)
-- or called off.
create table booking_assignment (
    assignment_id varchar(36) not null,
    volunteer_id  varchar(36) not null,
    request_id    varchar(36) not null,
    holds_time    boolean     not null,
    constraint pk_booking_assignment primary key (assignment_id)
);
create index ix_booking_assignment_volunteer on booking_assignment (volunteer_id);
create index ix_booking_assignment_request on booking_assignment (request_id);

-- The time spans an assignment holds: one row per occurrence of its schedule.
create table booking_occurrence (
    volunteer_id  varchar(36)              not null,
    assignment_id varchar(36)              not null,
    starts_at     timestamp with time zone not null,
    ends_at       timestamp with time zone not null,
    constraint ck_booking_occurrence_order check (ends_at > starts_at)
);
create index ix_booking_occurrence_volunteer on booking_occurrence (volunteer_id, starts_at);
create index ix_booking_occurrence_assignment on booking_occurrence (assignment_id);

-- Requests for help that were closed or cancelled, and the day: the requester's data is erased when its
-- retention period (komman.retention.requester-data-months) has passed. Deleted on erasure.
create table help_request_retention (
    request_id varchar(36) not null,
    centre_id  varchar(8)  not null,
    ended_on   date        not null,
    constraint pk_help_request_retention primary key (request_id)
);
create index ix_help_request_retention_ended on help_request_retention (ended_on);
