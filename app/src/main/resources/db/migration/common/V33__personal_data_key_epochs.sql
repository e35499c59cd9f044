-- Erasure that holds (ADR 20): the per-volunteer keys are wrapped under an epoch key that lives outside the
-- database (the key store); erasure and a schedule rotate the epoch, re-wrap every living key and destroy the
-- old epoch key, so copies of old rows (pages, dead tuples, WAL, backups) open nothing.
-- epoch_id null: a key from before V33, wrapped with the master key itself, re-wrapped at the first start.
alter table personal_data_key add column epoch_id varchar(36);

-- One row: the installation (names its file in the key store) and the epoch every living key is wrapped under.
-- Its row lock serializes rotations against each other and against the creation of new keys.
create table personal_data_epoch (
    id               integer not null primary key,
    installation_id  varchar(36),
    current_epoch    varchar(36),
    rotated_at       timestamp with time zone
);
insert into personal_data_epoch (id) values (1);
