/**
 * The annual KOMM-AN report as of a past date (computed by replaying the events) and the ministry's state-wide
 * figures, as pages, API and files (CSV, PDF, XLSX).
 */
package nrw.komman.web.report;
