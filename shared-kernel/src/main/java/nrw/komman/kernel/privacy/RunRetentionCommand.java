package nrw.komman.kernel.privacy;

import nrw.komman.kernel.common.Guard;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator runs the retention rules: every volunteer of the plan is erased (reason RETENTION) and the
 * run is recorded as an event of the {@code RetentionRun} aggregate (id: the run's date and a random suffix).
 */
public record RunRetentionCommand(@TargetAggregateIdentifier String runId) {

    public RunRetentionCommand {
        runId = Guard.text(runId, "runId", "Die Kennung des Löschlaufs", 100);
    }
}
