-- Notices reach people (issue 19), in the web role that knows the accounts (V30): each account's inbox, the
-- e-mails to send with their attempts, and each account's choice per kind of notice. Filled from the outbox
-- (V43) by web.notification.NoticeDelivery.

-- An account's address for notices and the language of its texts (de or en); no address, no e-mail.
alter table account add column email varchar(254);
alter table account add column language varchar(2) default 'de' not null;

-- The inbox: one row per notice and account.
create table notice_inbox (
    notice_id   varchar(36)              not null,
    username    varchar(64)              not null,
    kind        varchar(40)              not null,
    subject_id  varchar(36)              not null,
    link        varchar(300)             not null,
    facts       varchar(4000)            not null,
    occurred_at timestamp with time zone not null,
    read_at     timestamp with time zone,
    constraint pk_notice_inbox primary key (notice_id, username)
);
create index ix_notice_inbox_unread on notice_inbox (username, read_at, occurred_at);

-- E-mails: one row per notice and recipient (an account, or a volunteer who consented to e-mail). message_id is
-- fixed when the row is written and sent with every attempt, so a copy sent again after a crash is recognised.
-- status: PENDING (waiting or retrying at next_attempt_at), DIGEST (waits for the recipient's daily digest),
-- SENT, FAILED (given up after the last attempt; shown to administrators, who can retry it).
create table notice_email (
    notice_id       varchar(36)              not null,
    recipient       varchar(64)              not null,
    kind            varchar(40)              not null,
    message_id      varchar(200)             not null,
    status          varchar(10)              not null,
    attempts        int                      not null,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    constraint pk_notice_email primary key (notice_id, recipient),
    constraint uq_notice_email_message unique (message_id),
    constraint ck_notice_email_status check (status in ('PENDING', 'DIGEST', 'SENT', 'FAILED'))
);
create index ix_notice_email_due on notice_email (status, next_attempt_at);

-- Each account's choice per kind of notice for e-mail: IMMEDIATELY, DAILY_DIGEST or OFF. No row: the kind's
-- default (web.notification.NoticeKinds). The inbox always receives every notice of the account's role.
create table notice_preference (
    username varchar(64) not null,
    kind     varchar(40) not null,
    delivery varchar(12) not null,
    constraint pk_notice_preference primary key (username, kind),
    constraint ck_notice_preference_delivery check (delivery in ('IMMEDIATELY', 'DAILY_DIGEST', 'OFF'))
);
