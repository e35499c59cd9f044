package nrw.komman.query.report;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * A background report as a one-time task of the database scheduler (ADR 39), one execution per job (instance: the
 * job's id). The scheduler runs it on one node of the query role, after a restart if the node stopped before, or on
 * another node once the stopped node's heartbeats are missing; {@link ReportJobs#run} does the work and keeps the job's
 * row. A report holds its thread for minutes, and the scheduler's few threads also fire the grant dates and deliver the
 * notices: one report at a time per node; a second one is moved {@link #AGAIN_AFTER} later, to this node or another.
 */
@Component
public class ReportJobTask extends OneTimeTask<Void> {

    /** The task's name in {@code scheduled_tasks}. */
    public static final String TASK = "annual-report-job";
    /** A job that found this node busy, or was interrupted by its stop, runs again after this. */
    static final Duration AGAIN_AFTER = Duration.ofSeconds(10);
    /** Attempts of an execution before the job is given up. */
    static final int MAX_ATTEMPTS = 60;

    private static final Logger log = LoggerFactory.getLogger(ReportJobTask.class);

    private final ReportJobs jobs;
    private final Semaphore oneAtATime = new Semaphore(1);

    public ReportJobTask(ReportJobs jobs) {
        // an execution that keeps failing (not the report: ReportJobs records that; the database, an interruption)
        // is tried for about ten minutes, then the job is marked FAILED instead of showing RUNNING for ever
        super(TASK, Void.class, new FailureHandler.MaxRetriesFailureHandler<>(MAX_ATTEMPTS,
                new FailureHandler.OnFailureRetryLater<>(AGAIN_AFTER),
                // db-scheduler removes the execution itself, then tells this
                (complete, operations) -> jobs.giveUp(complete.getExecution().taskInstance.getId())));
        this.jobs = jobs;
    }

    /** The execution of job {@code jobId}. */
    static TaskInstance<Void> executionOf(String jobId) {
        return new TaskInstance<>(TASK, jobId);
    }

    @Override
    public CompletionHandler<Void> execute(TaskInstance<Void> taskInstance, ExecutionContext executionContext) {
        if (!oneAtATime.tryAcquire()) {
            // not a failure: the execution simply moves a little later, to this node or another
            return (complete, operations) -> operations.reschedule(complete, complete.getTimeDone().plus(AGAIN_AFTER));
        }
        try {
            return super.execute(taskInstance, executionContext);
        } finally {
            oneAtATime.release();
        }
    }

    @Override
    public void executeOnce(TaskInstance<Void> taskInstance, ExecutionContext executionContext) {
        try {
            jobs.run(taskInstance.getId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("Report job {} interrupted (the node stops); it runs again", taskInstance.getId());
            throw new IllegalStateException("report job " + taskInstance.getId() + " interrupted", e);
        }
    }
}
