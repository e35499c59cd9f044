/**
 * Centres (Kommunale Integrationszentren): their official key, establishment and closing, the Regierungsbezirk.
 */
package nrw.komman.kernel.centre;
