/**
 * The annual report as of a past date, replayed from the events, and the background jobs that build it.
 */
package nrw.komman.kernel.report;
