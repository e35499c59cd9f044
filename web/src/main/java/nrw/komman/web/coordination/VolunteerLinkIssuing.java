package nrw.komman.web.coordination;

import nrw.komman.kernel.coordination.IssueVolunteerLinkCommand;
import nrw.komman.kernel.coordination.RevokeVolunteerLinkCommand;
import nrw.komman.kernel.coordination.VolunteerLinkId;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Today;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalDate;

/**
 * A coordinator issues or revokes a volunteer's link (page and API share this): the token is drawn here, only its hash
 * is sent, and the full address is given back once to be shown once.
 */
@Component
class VolunteerLinkIssuing {

    /** The volunteer's page under the platform's public address; the token follows. */
    static final String OWN_PAGE = "/mein-einsatz/";

    private final VolunteerLinkTokens tokens;
    private final CommandDispatcher commands;
    private final Today today;

    VolunteerLinkIssuing(VolunteerLinkTokens tokens, CommandDispatcher commands, Today today) {
        this.tokens = tokens;
        this.commands = commands;
        this.today = today;
    }

    /** Issues a new link (an earlier one stops working) as the signed-in coordinator. */
    IssuedLink issue(VolunteerId volunteer) {
        String token = tokens.draw();
        VolunteerLinkId linkId = VolunteerLinkId.random();
        LocalDate expiresOn = tokens.expiresOn(today.date());
        commands.sendAndAwait(new IssueVolunteerLinkCommand(volunteer, linkId, VolunteerLinkTokens.hash(token), expiresOn), volunteer);
        return new IssuedLink(linkId, urlOf(token), token, expiresOn);
    }

    void revoke(VolunteerId volunteer) {
        commands.sendAndAwait(new RevokeVolunteerLinkCommand(volunteer), volunteer);
    }

    /** The full address of a volunteer's page (the public address when one is configured, see PublicAddressFilter). */
    static String urlOf(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(OWN_PAGE + token).build().toUriString();
    }

    /** What the coordinator gets once: the API answers it as JSON with these names. */
    record IssuedLink(VolunteerLinkId linkId, String url, String token, LocalDate expiresOn) {
    }
}
