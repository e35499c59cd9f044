package nrw.komman.kernel.activity;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Guard;

import java.time.LocalDate;

/**
 * A centre at a glance on a day (its coordinators' start page): counted from the read models in the
 * database, so its cost does not grow with the size of the centre's activity log.
 *
 * @param asOf the day the figures are for: "this year" and "this month" are its year and month, up to and including it
 */
public record FetchCentreDashboardQuery(CentreId centreId, LocalDate asOf) {

    /** How many of the newest entries of the log the dashboard lists. */
    public static final int LATEST = 5;

    public FetchCentreDashboardQuery {
        Guard.calendarDate(asOf, "asOf", "Der Stichtag");
    }
}
