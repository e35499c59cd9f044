/**
 * Retention: which volunteers and grant files are due, and the run that erases them and records itself.
 */
package nrw.komman.command.privacy;
