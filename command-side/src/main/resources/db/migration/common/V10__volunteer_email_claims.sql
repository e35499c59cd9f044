-- Command side: the set-based check "one e-mail address per ACTIVE volunteer, platform-wide".
-- Only keyed fingerprints (HMAC-SHA256 under a secret pepper, 64 hex characters) are stored,
-- never an address: plain personal data lives only in the vault.

-- Each volunteer's current address, remembered so a reactivation can claim it again.
create table volunteer_email (
    volunteer_id varchar(36) primary key,
    fingerprint  char(64)    not null
);

-- The claims of active volunteers. The primary key is the race-safe uniqueness: a concurrent
-- second insert of the same fingerprint waits for the first transaction, then fails.
create table active_email_claim (
    fingerprint  char(64)    primary key,
    volunteer_id varchar(36) not null
);

-- An active volunteer holds at most one claim; releasing and moving delete by volunteer.
create unique index active_email_claim_volunteer on active_email_claim (volunteer_id);
