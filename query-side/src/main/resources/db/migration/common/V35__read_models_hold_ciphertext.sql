-- The read models keep no plain personal data (ADR 22, issue 16): volunteer_view holds the volunteer's
-- SealedPersonalData and activity_view the note's SealedText as the events carry them (AES-GCM under the
-- volunteer's own key); the queries open them. A destroyed key makes every copy unreadable, also the old row
-- versions that H2's file and PostgreSQL's table files and WAL keep after an UPDATE or DELETE.
-- Languages and interests are inside the sealed data, so their plain tables go.
--
-- The plain columns are dropped, not converted (the query side has no keys to seal with): rows projected
-- before keep their ids, status, dates, consent and figures, and show no personal data until the read models
-- of centre-views are rebuilt from the events (docs/operations.md, "Upgrades"). Stop every node of the old
-- release first: it still writes the dropped columns.
alter table volunteer_view add column sealed_personal_data varchar(20000);
-- on PostgreSQL this drops the roster-order index of V25 (lower(name)) with the column
alter table volunteer_view drop column name;
alter table volunteer_view drop column email;
alter table volunteer_view drop column phone;
alter table volunteer_view drop column availability;
drop table volunteer_language;
drop table volunteer_interest;

alter table activity_view add column sealed_note varchar(8000);
alter table activity_view drop column note;
