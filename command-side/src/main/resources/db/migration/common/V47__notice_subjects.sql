-- What the notices of the outbox (V43) name of their subject (issue 19): a grant's title, year and programme part, a
-- request for help's category and days. Written by command.notification.NoticeSubjects from the event that creates
-- the subject (GrantApplied, HelpRequestOpened), in its transaction, so that a later notice (an approval, a
-- volunteer's answer) names its item without reading the query side; a subject created before this table is read
-- from its events in the event store instead. No personal data: a grant's title is not personal, and a request's
-- requester, place and note are never copied here.
create table notice_subject (
    subject_id     varchar(36)  not null,
    -- GRANT or HELP_REQUEST
    subject_type   varchar(20)  not null,
    centre_id      varchar(8)   not null,
    -- a grant's title
    title          varchar(200),
    funding_year   integer,
    programme_part varchar(40),
    -- a request for help's category (ActivityCategory) and its first and last day
    category       varchar(40),
    first_day      date,
    last_day       date,
    constraint pk_notice_subject primary key (subject_id)
);
