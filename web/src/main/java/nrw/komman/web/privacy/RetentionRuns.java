package nrw.komman.web.privacy;

import nrw.komman.kernel.privacy.FetchVolunteerDataExportQuery;
import nrw.komman.kernel.privacy.FindRetentionRunsQuery;
import nrw.komman.kernel.privacy.PlanRetentionQuery;
import nrw.komman.kernel.privacy.RetentionPlan;
import nrw.komman.kernel.privacy.RetentionPlan.DueVolunteer;
import nrw.komman.kernel.privacy.RetentionRunSummary;
import nrw.komman.kernel.privacy.RunRetentionCommand;
import nrw.komman.kernel.privacy.VolunteerDataExport;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The retention rules for the administrators' API and page: the dry run ({@link #plan}) and the run
 * ({@link #run}). A run is one command (the command side erases and records it in one transaction); what it
 * erased is read back afterwards: every volunteer the dry run listed before that the dry run no longer lists and
 * whose export now says "erased". The platform runs the same command on its schedule ({@code command.privacy.RetentionSchedule});
 * every run, by hand or scheduled, is listed by {@link #pastRuns}.
 */
@Component
public class RetentionRuns {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final Today today;

    public RetentionRuns(CommandDispatcher commands, QueryDispatcher queries, Today today) {
        this.commands = commands;
        this.queries = queries;
        this.today = today;
    }

    /** What a run would do today. */
    public RetentionPlan plan() {
        return queries.one(new PlanRetentionQuery(), RetentionPlan.class, "retention.plan.unavailable",
                "Die Löschfristen lassen sich gerade nicht auswerten.");
    }

    /** The latest runs, by administrators and on the platform's schedule (ADR 39), newest first. */
    public List<RetentionRunSummary> pastRuns() {
        return queries.list(new FindRetentionRunsQuery(), RetentionRunSummary.class);
    }

    /** Runs the rules now; answers when the read models show the run. */
    public RetentionRunResult run() {
        RetentionPlan before = plan();
        String runId = newRunId(today.date());
        commands.sendAndAwait(new RunRetentionCommand(runId), runId);
        RetentionPlan after = plan();
        Set<VolunteerId> stillDue = after.volunteers().stream().map(DueVolunteer::volunteerId).collect(Collectors.toSet());
        List<DueVolunteer> erased = before.volunteers().stream()
                .filter(v -> !stillDue.contains(v.volunteerId()))
                .filter(v -> isErased(v.volunteerId()))
                .toList();
        return new RetentionRunResult(runId, after.asOf(), after.inactiveYears(), after.grantFileYears(), erased,
                after.volunteers().size(), after.grantFiles().size());
    }

    private boolean isErased(VolunteerId id) {
        return queries.optional(new FetchVolunteerDataExportQuery(id), VolunteerDataExport.class)
                .map(VolunteerDataExport::erased).orElse(false);
    }

    /** The run's date and a random suffix: {@code 2026-11-25-3f2a9c1b}. */
    static String newRunId(LocalDate on) {
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        return on + "-" + HexFormat.of().formatHex(suffix);
    }

    /**
     * What a run did.
     *
     * @param erased        the volunteers it erased (pseudonymous ids, centre, inactive since)
     * @param stillDue      volunteers the rules still list afterwards (changed while the run ran); normally 0
     * @param grantFilesDue grant files whose keeping period has ended (the platform erases none; for the records office)
     */
    public record RetentionRunResult(String runId, LocalDate runOn, int inactiveYears, int grantFileYears,
                                     List<DueVolunteer> erased, int stillDue, int grantFilesDue) {
    }
}
