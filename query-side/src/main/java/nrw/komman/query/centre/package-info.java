/**
 * The centres' read model, its queries, and the sequencing policy that keeps one centre's events in order.
 */
package nrw.komman.query.centre;
