/**
 * The grant aggregate: its life, the four-eyes rule, the money rules; the grant files kept for retention.
 */
package nrw.komman.command.grant;
