-- The roster is listed by name regardless of case (VolunteerQueries: order by lower(name) nulls last,
-- volunteer_id). This index hands a page of a centre's roster over in that order, so a page costs
-- the same for a centre of a hundred volunteers as for one of ten thousand, instead of sorting the
-- centre's whole roster per request. PostgreSQL only: H2 indexes no expressions (on the embedded
-- default a centre's roster is sorted in memory, which is fast at its sizes). Unnamed, as the
-- conventions ask of later migrations of read-model tables: a rebuild's copies name their indexes anew.
create index on volunteer_view (centre_id, lower(name), volunteer_id);
