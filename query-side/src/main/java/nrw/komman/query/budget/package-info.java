/**
 * The budgets and their use by approved grants.
 */
package nrw.komman.query.budget;
