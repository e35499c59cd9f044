-- Command side: e-mail uniqueness without telling another centre that an address exists (ADR 27, amends ADR 3).
-- An active volunteer's address is unique within the centre (told to its coordinators as before) and claimed
-- at most once platform-wide (active_email_claim, unchanged). An active volunteer whose address another
-- centre's volunteer has claimed is accepted like any other but holds the address without the claim
-- (held_since set); the platform writes only to claimed addresses, and a held address takes the claim when it
-- is freed. Fingerprints and ids only, as in V10.

-- The volunteer's centre; null for rows written before V39 until a command of the volunteer (or a collision
-- with their claim, JdbcEmailRegistry) fills it in.
alter table volunteer_email add column centre_id varchar(8);
-- The centre while the volunteer is active, null while inactive: the unique index below then counts only the
-- active volunteers of one centre (null values never collide, on H2 and on PostgreSQL).
alter table volunteer_email add column active_centre_id varchar(8);
-- Since when an active volunteer holds the address without its claim (another centre's volunteer has it);
-- null when claimed or inactive. The longest-held address takes a freed claim first.
alter table volunteer_email add column held_since timestamp;

-- Race-safe uniqueness within a centre: of two concurrent registrations of one address in one centre the
-- second waits for the first transaction, then fails.
create unique index volunteer_email_active_in_centre on volunteer_email (active_centre_id, fingerprint);
create index volunteer_email_held on volunteer_email (fingerprint, held_since);
