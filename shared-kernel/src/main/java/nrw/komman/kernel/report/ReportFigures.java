package nrw.komman.kernel.report;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.GrantStatus;

import java.util.Map;

/**
 * The figures of one centre, one Regierungsbezirk or the state in an annual report. Counts, minutes and
 * money only, never a name.
 * <ul>
 *   <li>{@code activeVolunteers}: volunteers active on at least one day of the funding year;
 *       {@code newVolunteers}: registered in it;</li>
 *   <li>activities and minutes: activities dated in the funding year, as last corrected, not withdrawn;
 *       {@code minutesByMonth}: month (1–12) → category → minutes;</li>
 *   <li>grants of the funding year by status; {@code requested} of those not withdrawn, {@code approved}
 *       as last decided or amended; disbursed, spent, reclaimed (repayment demanded) and repaid;</li>
 *   <li>{@code usageReportsOverdue}: grants of the funding year whose usage report was overdue on the report's date
 *       (the platform recorded it overdue by the cut-off, and neither a submission nor a later due day came by then;
 *       issue 19). Null in a report stored before the figure existed: such a report is shown and checked as it was
 *       made, without the column.</li>
 * </ul>
 * Every map holds every key, in a fixed order.
 */
public record ReportFigures(int activeVolunteers, int newVolunteers, long activities, long minutes,
                            Map<ActivityCategory, Long> activitiesByCategory, Map<ActivityCategory, Long> minutesByCategory,
                            Map<Integer, Map<ActivityCategory, Long>> minutesByMonth, Map<GrantStatus, Long> grantsByStatus,
                            Money requested, Money approved, Money disbursed, Money spent, Money reclaimed, Money repaid,
                            Long usageReportsOverdue) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public ReportFigures {
    }

    /** The figures without the overdue usage reports, as reports made before issue 19 hold them. */
    public ReportFigures(int activeVolunteers, int newVolunteers, long activities, long minutes,
                         Map<ActivityCategory, Long> activitiesByCategory, Map<ActivityCategory, Long> minutesByCategory,
                         Map<Integer, Map<ActivityCategory, Long>> minutesByMonth, Map<GrantStatus, Long> grantsByStatus,
                         Money requested, Money approved, Money disbursed, Money spent, Money reclaimed, Money repaid) {
        this(activeVolunteers, newVolunteers, activities, minutes, activitiesByCategory, minutesByCategory, minutesByMonth,
                grantsByStatus, requested, approved, disbursed, spent, reclaimed, repaid, null);
    }
}
