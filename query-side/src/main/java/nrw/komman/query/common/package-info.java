/**
 * What the projections and query handlers share: read access, batched writes, row mapping, the processing groups.
 */
package nrw.komman.query.common;
