package nrw.komman.web.coordination;

import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.platform.page.UiAccess;
import nrw.komman.web.platform.security.CentreAccess;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Locale;

/**
 * The coordinator issues and revokes a volunteer's personal link from the volunteer's page. The new link's address is
 * shown once, on the answer to the issuing POST (never in a redirect, a flash or the session: the platform does not
 * keep it), with a field to copy and a print view; afterwards the page shows only until when it works. Revoking goes
 * through a confirmation page (ADR 31).
 */
@PageController
class VolunteerLinkPages {

    private final VolunteerLinkIssuing links;
    private final QueryDispatcher queries;
    private final FormPage forms;

    VolunteerLinkPages(VolunteerLinkIssuing links, QueryDispatcher queries, FormPage forms) {
        this.links = links;
        this.queries = queries;
        this.forms = forms;
    }

    @PostMapping("/ehrenamtliche/{volunteerId}/link")
    String issue(@PathVariable String volunteerId, Model model, HttpServletResponse response) {
        UiAccess.require(Action.MANAGE_VOLUNTEER_LINKS);
        VolunteerView volunteer = find(volunteerId);
        VolunteerLinkIssuing.IssuedLink issued = links.issue(volunteer.volunteerId());
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("issued", issued);
        model.addAttribute("nav", "volunteers");
        return "coordination/link-issued";
    }

    @GetMapping("/ehrenamtliche/{volunteerId}/link/sperren")
    String revokeConfirmation(@PathVariable String volunteerId, Model model) {
        UiAccess.require(Action.MANAGE_VOLUNTEER_LINKS);
        model.addAttribute("volunteer", find(volunteerId));
        model.addAttribute("nav", "volunteers");
        return "coordination/link-revoke-confirm";
    }

    @PostMapping("/ehrenamtliche/{volunteerId}/link/sperren")
    String revoke(@PathVariable String volunteerId, RedirectAttributes redirect, Locale locale) {
        UiAccess.require(Action.MANAGE_VOLUNTEER_LINKS);
        VolunteerId id = find(volunteerId).volunteerId();
        return forms.press(() -> links.revoke(id), redirect, locale, () -> forms.text("ui.link.revoked", locale),
                "/ehrenamtliche/" + id + "#persoenlicher-link");
    }

    private VolunteerView find(String volunteerId) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        VolunteerView view = queries.one(new FindVolunteerQuery(id), VolunteerView.class, "volunteer.not-found",
                "Unter dieser Kennung ist niemand registriert.");
        CentreAccess.requireOwnCentre(view.centreId());
        return view;
    }
}
