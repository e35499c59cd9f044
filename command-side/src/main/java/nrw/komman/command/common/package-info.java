/**
 * What the aggregates share: the actor checks, the aggregate cache, today's date, German messages.
 */
package nrw.komman.command.common;
