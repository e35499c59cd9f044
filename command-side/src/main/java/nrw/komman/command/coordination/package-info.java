/**
 * Coordination (issue 18) on the command side: the {@code HelpRequest} aggregate with its assignments, the booking
 * ledger (no volunteer in two overlapping live assignments), the register of ended requests for the retention of
 * the requester's data, and the ports they ask.
 */
package nrw.komman.command.coordination;
