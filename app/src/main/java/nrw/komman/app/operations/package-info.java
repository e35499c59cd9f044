/**
 * The probes and metrics of a process without the web role.
 */
package nrw.komman.app.operations;
