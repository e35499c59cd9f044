/**
 * What the aggregates share: the actor read from the metadata, the aggregate cache.
 */
package nrw.komman.command.common;
