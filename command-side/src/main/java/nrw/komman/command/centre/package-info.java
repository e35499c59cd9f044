/**
 * The centre aggregate, the registry other aggregates ask whether a centre is established, and the 54 reference centres established on first start.
 */
package nrw.komman.command.centre;
