package nrw.komman.kernel.admin;

/**
 * Rebuild every read model by replaying all events into a new generation of its tables, which is
 * swapped in once it has caught up; the current tables keep answering meanwhile (administrators only).
 */
public record RebuildReadModelsCommand() {
}
