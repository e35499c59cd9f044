/**
 * The ministry's budgets per funding year and programme part, optionally a centre's share, and their use.
 */
package nrw.komman.kernel.budget;
