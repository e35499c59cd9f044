/**
 * Coordination (issue 18): the read models of requests for help and assignments (the board, the volunteers' booked
 * times for matching, the status history for the figures as of a date), of availability, personal links and
 * certificates, and their queries: the board, a request, matching, a volunteer's and a centre's assignments, the
 * volunteer's own page, the link's resolution and status, certificate checks and the ministry's figures.
 */
package nrw.komman.query.coordination;
