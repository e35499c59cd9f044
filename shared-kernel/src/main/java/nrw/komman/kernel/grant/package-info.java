/**
 * Grants (Zuwendungen) through their whole life: application, review, decision, amendment, funds, usage report, closing.
 */
package nrw.komman.kernel.grant;
