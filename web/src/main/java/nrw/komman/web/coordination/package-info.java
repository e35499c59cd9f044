/**
 * Coordination (issue 18) in the web: the coordinator's requests for help (Einsatzanfragen), matching and
 * assignments, as REST API and pages; the volunteer's personal link, availability, certificates and calendars
 * (files named *Link*, *Availability*, *Certificate*, *Calendar*).
 */
package nrw.komman.web.coordination;
