-- The transactional outbox of notices (issue 19): written by command.notification.NoticeOutbox in the transaction
-- of the event that causes the notice (a subscribing processor, like the grant chain), so a notice exists if and
-- only if its fact does. Read and fanned out to inboxes and e-mails by the web role (web.notification), which sets
-- fanned_out_at in the transaction that writes the inbox and e-mail rows. No personal data: ids, codes, dates and
-- amounts only (facts), the link to the item, and the audience as a role (with a centre) or one volunteer.
create table notice_outbox (
    notice_id          varchar(36)              not null,
    kind               varchar(40)              not null,
    -- who is told: every enabled account of this role (of this centre for coordinators), or one volunteer
    audience_role      varchar(20)              not null,
    audience_centre    varchar(8),
    audience_volunteer varchar(36),
    -- the item the notice is about, e.g. the grant or the request for help, and the path that opens it
    subject_id         varchar(36)              not null,
    link               varchar(300)             not null,
    -- the facts the texts are made of, as a JSON object of strings (e.g. {"title":"…","dueOn":"2027-06-30"})
    facts              varchar(4000)            not null,
    -- the event that caused it: one notice per event and audience, also when the event is handled again
    cause_event_id     varchar(36)              not null,
    occurred_at        timestamp with time zone not null,
    fanned_out_at      timestamp with time zone,
    constraint pk_notice_outbox primary key (notice_id),
    constraint uq_notice_outbox_cause unique (cause_event_id, kind, audience_role),
    constraint ck_notice_outbox_audience check (audience_role in
        ('COORDINATOR', 'GRANT_OFFICER', 'MINISTRY', 'AUDITOR', 'ADMINISTRATOR', 'VOLUNTEER')),
    constraint ck_notice_outbox_volunteer check ((audience_role = 'VOLUNTEER') = (audience_volunteer is not null))
);
create index ix_notice_outbox_waiting on notice_outbox (fanned_out_at, occurred_at);
