package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** A centre's assignments with a day between {@code from} and {@code to} (at most a year), for its calendar. */
public record FindCentreAssignmentsQuery(CentreId centreId, LocalDate from, LocalDate to) {

    public FindCentreAssignmentsQuery {
        Guard.required(centreId, "centreId", "Das Integrationszentrum");
        Guard.required(from, "from", "Der erste Tag");
        Guard.required(to, "to", "Der letzte Tag");
        if (to.isBefore(from) || from.plusDays(Schedule.MAX_DAYS).isBefore(to)) {
            throw new InvalidInputException("period.invalid", "Der Zeitraum umfasst höchstens ein Jahr, in der richtigen Reihenfolge.");
        }
    }
}
