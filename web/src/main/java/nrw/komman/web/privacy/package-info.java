/**
 * The volunteers' rights under the DSGVO (information, withdrawal of consent, erasure) and the retention runs, as
 * pages, API and the information's files (PDF, JSON).
 */
package nrw.komman.web.privacy;
