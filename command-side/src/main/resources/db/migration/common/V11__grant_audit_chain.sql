-- Command side: tamper evidence for grant histories (ADR 8). One link of a hash chain per stored grant
-- event, written in the transaction that appends the event:
--   link(n) = hex(SHA-256(link(n-1) + '\n' + canonical serialisation of the stored event row n)),
--   link(-1) = 'komm-an/grant-chain/v1'.
-- Verification recomputes the links from domain_event_entry and compares. Not a read model: never
-- rebuilt by a replay, never written by anything but the chain writer and the one-time sealing below.
create table grant_audit_chain (
    grant_id         varchar(255)             not null,
    sequence_number  bigint                   not null,
    event_identifier varchar(255)             not null,
    link             char(64)                 not null,
    recorded_at      timestamp with time zone not null,
    primary key (grant_id, sequence_number),
    -- an event is chained once, at one position
    constraint uk_grant_audit_chain_event unique (event_identifier)
);

-- Grants written before this migration have no links. The first start after it seals them once (the
-- history as stored at the upgrade) and sets sealed_at; later starts never seal again, so links
-- deleted afterwards are reported by verification instead of being re-created.
create table grant_audit_chain_sealing (
    id        integer                  primary key,
    sealed_at timestamp with time zone
);

insert into grant_audit_chain_sealing (id, sealed_at) values (1, null);
