/**
 * Upcasters: older forms of stored events read as the current ones.
 */
package nrw.komman.app.events;
