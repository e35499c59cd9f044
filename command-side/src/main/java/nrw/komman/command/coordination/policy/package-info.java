/**
 * Coordination's policies on the command side: reactions to other aggregates' events that must hold in the same
 * transaction (a volunteer who leaves is in no live assignment).
 */
package nrw.komman.command.coordination.policy;
