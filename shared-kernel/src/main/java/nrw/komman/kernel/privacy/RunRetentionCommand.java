package nrw.komman.kernel.privacy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator runs the retention rules: every volunteer of the plan is erased (reason RETENTION) and the
 * run is recorded as an event of the {@code RetentionRun} aggregate (id: the run's date and a random suffix).
 */
public record RunRetentionCommand(@TargetAggregateIdentifier String runId) {
}
