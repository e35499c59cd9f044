/**
 * Verifying a grant's hash chain: the query and its answer.
 */
package nrw.komman.kernel.audit;
