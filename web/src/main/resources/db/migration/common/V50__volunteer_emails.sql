-- E-mail to volunteers (issue 19, ADR 38): a volunteer has no account, so their e-mail row (recipient
-- 'volunteer:<id>') carries the token of the personal link the e-mail carries (its hash only is in the events), sealed
-- under the volunteer's key (ADR 21), never in plain; cleared once the e-mail is SENT or DROPPED. The address is read
-- from the volunteer's data when the e-mail is sent (the current one). Once the volunteer's key is destroyed the token
-- opens to nothing.
alter table notice_email add column volunteer_id varchar(36);
alter table notice_email add column sealed_token varchar(2000);
create index ix_notice_email_volunteer on notice_email (volunteer_id);

-- The e-mailed link the platform sends now (one per volunteer), its token sealed under the volunteer's key, so that
-- the next e-mail carries the same link while it works, and every e-mail's link works, not only the newest one's.
-- Deleted when the consent to e-mail is withdrawn or the links are revoked; a link that no longer resolves is replaced.
create table volunteer_email_link (
    volunteer_id varchar(36)   not null primary key,
    link_id      varchar(36)   not null,
    sealed_token varchar(2000) not null,
    expires_on   date          not null
);

-- DROPPED: not sent because the volunteer may no longer be e-mailed (consent withdrawn, erased, deactivated) before
-- it went out; listed for administrators, never retried.
alter table notice_email drop constraint ck_notice_email_status;
alter table notice_email add constraint ck_notice_email_status
    check (status in ('PENDING', 'DIGEST', 'SENT', 'FAILED', 'DROPPED'));
