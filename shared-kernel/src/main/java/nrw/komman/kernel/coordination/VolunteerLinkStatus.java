package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** @param linkId null when the volunteer has no working link */
public record VolunteerLinkStatus(VolunteerId volunteerId, VolunteerLinkId linkId, LocalDate expiresOn) {
}
