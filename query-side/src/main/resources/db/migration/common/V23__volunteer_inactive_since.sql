-- Since when an inactive volunteer is inactive (the day of the last VolunteerDeactivatedEvent; null while
-- active): the start of the retention period in the dry run of the retention rules (PlanRetentionQuery).
-- Rows projected before this migration get the day only from a rebuild of the read models, so rebuild after
-- upgrading, or volunteers inactive since before the upgrade are missing from the dry run.
alter table volunteer_view add column inactive_since date;
-- the dry run: inactive, not erased, since a day before the cutoff
create index ix_volunteer_view_status_inactive_since on volunteer_view (status, inactive_since);
