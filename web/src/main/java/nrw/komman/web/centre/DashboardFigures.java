package nrw.komman.web.centre;

import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.grant.GrantView;

import java.util.List;

/**
 * What the centre's dashboard shows.
 *
 * @param minutesThisMonth minutes of the activities (not withdrawn) dated this calendar month
 * @param minutesThisYear  likewise for this calendar year (the funding year)
 * @param latestActivities the newest few entries of the activity log
 * @param minutesByMonth   month of this year (1–12, up to this month) → category → minutes
 */
public record DashboardFigures(long activeVolunteers, long allVolunteers, long minutesThisMonth, long minutesThisYear,
                            long activitiesThisYear, List<ActivityView> latestActivities, List<GrantView> grants,
                            java.util.Map<Integer, java.util.Map<nrw.komman.kernel.activity.ActivityCategory, Long>> minutesByMonth) {
}
