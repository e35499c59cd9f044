-- Issue 19, second round: the volunteer's consent to be contacted by e-mail, and a current personal link per channel.

-- The consent to e-mail next to the consent to data processing (VolunteerProjection): its document sealed under the
-- volunteer's key like that one's (dropped with the key), version and times plain. withdrawn_at is set by a
-- withdrawal and cleared by a consent given again; no e-mail reaches a volunteer whose given_at is null or who has
-- a withdrawn_at.
alter table volunteer_view add column email_consent_document_sealed varchar(2000);
alter table volunteer_view add column email_consent_version varchar(40);
alter table volunteer_view add column email_consent_given_at timestamp with time zone;
alter table volunteer_view add column email_consent_withdrawn_at timestamp with time zone;

-- The personal links (VolunteerCoordinationProjection): one current link per volunteer and channel (HANDED_OVER by
-- the coordinator, EMAIL drawn by the platform), so an e-mailed link never ends the paper in the volunteer's hand.
-- The key becomes (volunteer, channel); the table is made anew and the links known so far were all handed over.
-- Unnamed key and index, as the conventions ask of read-model tables: a rebuild's copies name them anew.
create table volunteer_link_by_channel (
    volunteer_id  char(36)    not null,
    channel       varchar(12) not null,
    centre_id     varchar(8)  not null,
    link_id       char(36)    not null,
    token_hash    char(64)    not null,
    expires_on    date        not null,
    ended         boolean     not null,
    primary key (volunteer_id, channel)
);
insert into volunteer_link_by_channel (volunteer_id, channel, centre_id, link_id, token_hash, expires_on, ended)
select volunteer_id, 'HANDED_OVER', centre_id, link_id, token_hash, expires_on, ended from volunteer_link;
drop table volunteer_link;
alter table volunteer_link_by_channel rename to volunteer_link;
create index on volunteer_link (token_hash);
