-- Requests the platform found not staffed some hours before they start (HelpRequestUnstaffedEvent, issue 19).
-- unstaffed_at: when that was recorded, unstaffed_starts_at: the start it named; both null when the request was never
-- found unstaffed, or since became staffed, was cancelled or closed (the board's mark goes away then).
alter table help_request_view add column unstaffed_at timestamp with time zone;
alter table help_request_view add column unstaffed_starts_at timestamp with time zone;

-- The status row written for the unstaffed fact says so: the figures as of a date count the requests escalated by then.
alter table help_request_status add column unstaffed boolean default false not null;
