/**
 * The grants register and each grant's history for auditors, with the amounts before and after every fact.
 */
package nrw.komman.query.grant;
