package nrw.komman.kernel.activity;

import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** A centre's activity log, newest first, filtered by volunteer, period and category, paged. */
public record FindActivitiesQuery(CentreId centreId, VolunteerId volunteerId, LocalDate from, LocalDate to, ActivityCategory category, int page, int size) {

    public static final int MAX_SIZE = 200;

    public FindActivitiesQuery {
        if (page < 0) {
            throw new InvalidInputException("page.negative", "Die Seitennummer darf nicht negativ sein.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size.out-of-range", "Die Seitengröße muss zwischen 1 und " + MAX_SIZE + " liegen.");
        }
        Guard.calendarDate(from, "from", "Der Beginn des Zeitraums");
        Guard.calendarDate(to, "to", "Das Ende des Zeitraums");
    }
}
