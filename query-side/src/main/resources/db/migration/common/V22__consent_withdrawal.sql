-- The withdrawal of a volunteer's consent to data processing (ConsentWithdrawnEvent, issue 8), kept next to
-- the consent it withdraws: the consent history of the Art. 15 export. Not personal data (a point in time);
-- it stays after the erasure that the withdrawal starts. Processing group "centre-views".
alter table volunteer_view add column consent_withdrawn_at timestamp with time zone;
