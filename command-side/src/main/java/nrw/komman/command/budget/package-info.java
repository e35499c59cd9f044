/**
 * The budget aggregate and the ledger that keeps racing approvals within a budget, in the command's transaction.
 */
package nrw.komman.command.budget;
