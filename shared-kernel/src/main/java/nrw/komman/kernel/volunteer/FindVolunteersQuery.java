package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;

import java.time.*;
import java.util.*;

/**
 * A centre's volunteer roster, filtered, sorted (by name when no sort is given) and paged. Only the centre's
 * coordinators may ask.
 */
public record FindVolunteersQuery(CentreId centreId, VolunteerStatus status, String language, ActivityCategory interest,
                                  String search, int page, int size, RosterSort sort, boolean descending) {

    public static final int MAX_SIZE = 200;

    public FindVolunteersQuery {
        if (page < 0) {
            throw new InvalidInputException("page.negative", "Die Seitennummer darf nicht negativ sein.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size.out-of-range", "Die Seitengröße muss zwischen 1 und " + MAX_SIZE + " liegen.");
        }
        if (sort == null) {
            sort = RosterSort.NAME;
        }
    }

    /** Sorted by name, A to Z. */
    public FindVolunteersQuery(CentreId centreId, VolunteerStatus status, String language, ActivityCategory interest,
                               String search, int page, int size) {
        this(centreId, status, language, interest, search, page, size, RosterSort.NAME, false);
    }
}
