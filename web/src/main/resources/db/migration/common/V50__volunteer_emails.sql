-- E-mail to volunteers (issue 19, ADR 38): a volunteer has no account, so their e-mail row (recipient
-- 'volunteer:<id>') carries what the mailer needs, sealed under the volunteer's key (ADR 21), never in plain: the
-- address (read from the personal data when the row was written) and the token of the personal link the e-mail
-- carries (its hash only is in the events). Both are cleared once the e-mail is SENT or DROPPED; once the volunteer's
-- key is destroyed they open to nothing.
alter table notice_email add column volunteer_id varchar(36);
alter table notice_email add column sealed_address varchar(2000);
alter table notice_email add column sealed_token varchar(2000);

-- DROPPED: not sent because the volunteer may no longer be e-mailed (consent withdrawn, erased, deactivated) before
-- it went out; listed for administrators, never retried.
alter table notice_email drop constraint ck_notice_email_status;
alter table notice_email add constraint ck_notice_email_status
    check (status in ('PENDING', 'DIGEST', 'SENT', 'FAILED', 'DROPPED'));
