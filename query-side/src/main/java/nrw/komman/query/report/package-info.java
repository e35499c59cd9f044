/**
 * Annual reports as of a past date, folded from the event store up to a cut-off, and their background jobs.
 */
package nrw.komman.query.report;
