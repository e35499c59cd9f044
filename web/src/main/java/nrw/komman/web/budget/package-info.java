/**
 * The ministry's budgets per funding year, programme part and centre, and their use, as pages and as API.
 */
package nrw.komman.web.budget;
