/**
 * The role switch: komman.role turned into one switch per role module (NodeRole, ADR 14 and 19).
 */
package nrw.komman.app.role;
