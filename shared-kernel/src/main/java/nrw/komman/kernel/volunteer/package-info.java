/**
 * Volunteers: registration, profile, deactivation, their sealed personal data and the vault that seals it.
 */
package nrw.komman.kernel.volunteer;
