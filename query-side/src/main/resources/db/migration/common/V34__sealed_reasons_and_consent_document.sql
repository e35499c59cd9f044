-- Free text attached to a volunteer is sealed in the events since ADR 21: the reason of a correction and of a
-- withdrawal of an activity, and the consent's document. The access export (Art. 15) lists them, so the read
-- models keep them, but only as the events' ciphertext (Base64 of nonce and AES-GCM ciphertext under the
-- volunteer's key), opened at query time; the plain text of events stored before (legacy_*) until the erasure,
-- which nulls both. Processing group "centre-views"; a replay rebuilds them.

-- the consent's document, sealed (VolunteerProjection); consent_document keeps only the legacy plain text
alter table volunteer_view add column consent_document_sealed varchar(2000);

-- every correction and withdrawal of an activity with its reason (ActivityReasonProjection); sequence_number is
-- the event's place in the volunteer's stream, the order of the reasons
create table activity_reason (
    event_id        varchar(255) not null,
    activity_id     char(36)     not null,
    volunteer_id    char(36)     not null,
    sequence_number bigint       not null,
    kind            varchar(20)  not null,
    recorded_at     timestamp with time zone not null,
    reason_sealed   varchar(4000),
    legacy_reason   varchar(500),
    primary key (event_id)
);
-- one volunteer's reasons: the export and the erasure (unnamed, as later migrations of read-model tables are)
create index on activity_reason (volunteer_id, sequence_number);
