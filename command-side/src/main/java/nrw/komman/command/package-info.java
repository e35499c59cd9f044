/**
 * The command side (the command role): decides. Aggregates enforce the rules of docs/domain.md and record events; {@link nrw.komman.command.CommandSideConfiguration} is the module's one switch.
 */
package nrw.komman.command;
