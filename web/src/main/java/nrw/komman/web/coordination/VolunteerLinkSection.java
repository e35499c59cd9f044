package nrw.komman.web.coordination;

import nrw.komman.kernel.coordination.Availability;
import nrw.komman.kernel.coordination.FetchVolunteerAvailabilityQuery;
import nrw.komman.kernel.coordination.FetchVolunteerLinkStatusQuery;
import nrw.komman.kernel.coordination.VolunteerLinkStatus;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.platform.QueryDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the coordinator's volunteer page shows in its sections "Persönlicher Link" and "Verfügbarkeit"
 * ({@code @volunteerLinkSection} in the template), so the volunteer page's controller needs nothing of coordination.
 * A read that fails leaves its section saying so; the rest of the page stays usable.
 */
@Component("volunteerLinkSection")
public class VolunteerLinkSection {

    private static final Logger log = LoggerFactory.getLogger(VolunteerLinkSection.class);

    private final QueryDispatcher queries;

    public VolunteerLinkSection(QueryDispatcher queries) {
        this.queries = queries;
    }

    /** The link's state; null when it could not be read. */
    public VolunteerLinkStatus link(VolunteerId volunteer) {
        try {
            return queries.optional(new FetchVolunteerLinkStatusQuery(volunteer), VolunteerLinkStatus.class)
                    .orElse(new VolunteerLinkStatus(volunteer, null, null));
        } catch (RuntimeException e) {
            log.debug("The link state of a volunteer could not be read: {}", e.toString());
            return null;
        }
    }

    /** The structured availability; null when it could not be read. */
    public Availability availability(VolunteerId volunteer) {
        try {
            return queries.optional(new FetchVolunteerAvailabilityQuery(volunteer), Availability.class).orElse(Availability.UNKNOWN);
        } catch (RuntimeException e) {
            log.debug("The availability of a volunteer could not be read: {}", e.toString());
            return null;
        }
    }
}
