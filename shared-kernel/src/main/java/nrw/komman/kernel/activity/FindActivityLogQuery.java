package nrw.komman.kernel.activity;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Guard;
import nrw.komman.kernel.common.InvalidInputException;

import java.time.LocalDate;

/**
 * A centre's activity log for a period ({@link LogPeriod}), withdrawn entries included, sorted by a column (by date,
 * newest first, when none is given) and paged. Only the centre's coordinators may ask.
 */
public record FindActivityLogQuery(CentreId centreId, LocalDate from, LocalDate to, ActivityLogSort sort, boolean descending,
                                   int page, int size) {

    public static final int MAX_SIZE = 200;

    public FindActivityLogQuery {
        if (page < 0) {
            throw new InvalidInputException("page.negative", "Die Seitennummer darf nicht negativ sein.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size.out-of-range", "Die Seitengröße muss zwischen 1 und " + MAX_SIZE + " liegen.");
        }
        Guard.calendarDate(from, "from", "Der Beginn des Zeitraums");
        Guard.calendarDate(to, "to", "Das Ende des Zeitraums");
        LogPeriod.check(from, to);
        if (sort == null) {
            sort = ActivityLogSort.DATE;
            descending = true;
        }
    }
}
