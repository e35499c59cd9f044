/**
 * The query side (the query role): remembers. Projections turn events into read models, query handlers answer from them; {@link nrw.komman.query.QuerySideConfiguration} is the module's one switch.
 */
package nrw.komman.query;
