-- A proposal to close a centre waits for a second ministry account's confirmation (ADR 26); the register of
-- centres shows it. Null when none is pending. A rebuild fills them from the proposal events.
alter table centre_view add column closure_proposed_for date;
alter table centre_view add column closure_reason varchar(2000);
alter table centre_view add column closure_proposed_by varchar(100);
