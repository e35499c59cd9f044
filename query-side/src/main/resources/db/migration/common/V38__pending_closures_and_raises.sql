-- What waits for a second pair of eyes (ADR 26), shown by the read models; null when nothing waits. A rebuild fills
-- them from the proposal events.
-- A proposal to close a centre: its date, reason and proposing account.
alter table centre_view add column closure_proposed_for date;
alter table centre_view add column closure_reason varchar(2000);
alter table centre_view add column closure_proposed_by varchar(100);
-- A raise of a grant's approved amount: the proposed amount and the proposing account.
alter table grant_view add column pending_raise_cents bigint;
alter table grant_view add column raise_proposed_by varchar(100);
