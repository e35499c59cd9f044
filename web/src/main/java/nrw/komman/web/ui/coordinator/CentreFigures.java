package nrw.komman.web.ui.coordinator;

import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.grant.GrantView;

import java.util.List;

/**
 * What the centre's dashboard shows.
 *
 * @param minutesThisMonth minutes of the activities (not withdrawn) dated this calendar month
 * @param minutesThisYear  likewise for this calendar year (the funding year)
 * @param latestActivities the newest few entries of the activity log
 */
public record CentreFigures(long activeVolunteers, long allVolunteers, long minutesThisMonth, long minutesThisYear,
                            long activitiesThisYear, List<ActivityView> latestActivities, List<GrantView> grants) {
}
