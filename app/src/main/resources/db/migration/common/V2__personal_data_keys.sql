-- The key store of the personal-data vault: one AES-256 key per volunteer, wrapped (encrypted) with
-- the platform's master key. Erasure destroys the key material; the row stays as proof of erasure.
create table personal_data_key (
    volunteer_id  varchar(36) not null primary key,
    wrapped_key   bytea,
    created_at    timestamp with time zone not null,
    destroyed_at  timestamp with time zone
);
