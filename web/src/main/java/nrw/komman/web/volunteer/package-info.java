/**
 * Volunteers: the roster, registering, the volunteer's page, changing the personal data, deactivating and
 * reactivating, as pages and as API; owns the volunteer forms and the choices (languages, categories) they offer.
 */
package nrw.komman.web.volunteer;
