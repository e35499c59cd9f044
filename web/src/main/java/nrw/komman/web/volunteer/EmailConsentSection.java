package nrw.komman.web.volunteer;

import nrw.komman.kernel.volunteer.EmailConsentStatus;
import nrw.komman.kernel.volunteer.FetchEmailConsentQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.platform.QueryDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the volunteer's page shows in its section "Kontakt per E-Mail" ({@code @emailConsentSection} in the
 * template). A read that fails leaves the section saying so; the rest of the page stays usable.
 */
@Component("emailConsentSection")
public class EmailConsentSection {

    private static final Logger log = LoggerFactory.getLogger(EmailConsentSection.class);

    private final QueryDispatcher queries;

    public EmailConsentSection(QueryDispatcher queries) {
        this.queries = queries;
    }

    /** The consent as recorded; null when it could not be read. */
    public EmailConsentStatus consent(VolunteerId volunteer) {
        try {
            return queries.optional(new FetchEmailConsentQuery(volunteer), EmailConsentStatus.class)
                    .orElse(new EmailConsentStatus(volunteer, null, null, null));
        } catch (RuntimeException e) {
            log.debug("The consent to e-mail of a volunteer could not be read: {}", e.toString());
            return null;
        }
    }
}
