package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;

import java.time.*;
import java.util.*;

/** A volunteer as their centre's coordinators see them; personal data is null once erased. */
public record VolunteerView(VolunteerId volunteerId, CentreId centreId, String name, String email, String phone, String availability, Set<String> languages, Set<ActivityCategory> interests, VolunteerStatus status, LocalDate registeredOn, ConsentRecord consent, long minutesThisYear, int activitiesThisYear, boolean erased) {
}
