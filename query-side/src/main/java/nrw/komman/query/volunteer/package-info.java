/**
 * The roster: a centre's volunteers with their unsealed personal data, for that centre only.
 */
package nrw.komman.query.volunteer;
