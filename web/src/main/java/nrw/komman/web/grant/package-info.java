/**
 * Grants from the application to the closing, as pages (one class per step: applications, review and decision,
 * funds and disbursement, usage report and closing, the register) and as API, with the state-wide overview and
 * the grant history's files (CSV, PDF) with the check of its hash chain.
 */
package nrw.komman.web.grant;
