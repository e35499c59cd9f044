/**
 * Operations: the read models' status, their rebuild, and the wait for them after a write (read-your-writes).
 */
package nrw.komman.kernel.admin;
