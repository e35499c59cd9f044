-- The minutes a request for help takes (issue 19, second round): the volunteer's notices (asked, reminded) say how
-- long the help lasts, next to the start time their event carries. Filled by command.notification.NoticeSubjects
-- from HelpRequestOpenedEvent; null for requests recorded before, which the outbox reads from the event store.
alter table notice_subject add column minutes integer;
