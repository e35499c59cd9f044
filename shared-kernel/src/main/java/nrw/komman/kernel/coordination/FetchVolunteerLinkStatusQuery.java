package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** Whether a volunteer has a working link, and until when (for the coordinator; the token itself is never shown again). */
public record FetchVolunteerLinkStatusQuery(VolunteerId volunteerId) {

    public FetchVolunteerLinkStatusQuery {
        Guard.required(volunteerId, "volunteerId", "Die Kennung der/des Ehrenamtlichen");
    }
}
