package nrw.komman.web.volunteer;

import nrw.komman.kernel.volunteer.DeactivateVolunteerCommand;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.ReactivateVolunteerCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.platform.security.CentreAccess;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Locale;

/**
 * Deactivating a volunteer asks first: the button on the volunteer's page leads to a page that says what changes
 * (no more activities can be logged; everything recorded stays) and confirms with a second button, so one click never
 * deactivates (ADR 31). Reactivating undoes it and needs no confirmation.
 */
@PageController
class VolunteerDeactivationPages {

    private final FormPage forms;
    private final CommandDispatcher commands;
    private final QueryDispatcher queries;

    VolunteerDeactivationPages(FormPage forms, CommandDispatcher commands, QueryDispatcher queries) {
        this.forms = forms;
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping("/ehrenamtliche/{volunteerId}/deaktivierung")
    String confirmation(@PathVariable String volunteerId, Model model, Locale locale, RedirectAttributes redirect) {
        VolunteerView volunteer = find(volunteerId);
        if (volunteer.erased() || volunteer.status() != VolunteerStatus.ACTIVE) {
            // an old bookmark or a second tab: nothing to confirm
            redirect.addFlashAttribute("refusal", forms.text("ui.volunteer.deactivate.not-active", locale));
            return "redirect:/ehrenamtliche/" + volunteer.volunteerId();
        }
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("nav", "volunteers");
        return "coordinator/deactivation-confirm";
    }

    @PostMapping("/ehrenamtliche/{volunteerId}/deaktivierung")
    String deactivate(@PathVariable String volunteerId, Locale locale, RedirectAttributes redirect) {
        return changeStatus(volunteerId, true, locale, redirect);
    }

    @PostMapping("/ehrenamtliche/{volunteerId}/reaktivierung")
    String reactivate(@PathVariable String volunteerId, Locale locale, RedirectAttributes redirect) {
        return changeStatus(volunteerId, false, locale, redirect);
    }

    private String changeStatus(String volunteerId, boolean deactivate, Locale locale, RedirectAttributes redirect) {
        VolunteerView volunteer = find(volunteerId);
        VolunteerId id = volunteer.volunteerId();
        // e.g. "already inactive" after a second click: said on the page, not as an error page
        Object command = deactivate ? new DeactivateVolunteerCommand(id) : new ReactivateVolunteerCommand(id);
        return forms.press(() -> commands.sendAndAwait(command, id), redirect, locale,
                () -> forms.text(deactivate ? "ui.volunteer.deactivated" : "ui.volunteer.reactivated", locale, volunteer.name()),
                "/ehrenamtliche/" + id);
    }

    /** The volunteer as the read model knows them; another centre's is refused (403). */
    private VolunteerView find(String volunteerId) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        VolunteerView view = queries.one(new FindVolunteerQuery(id), VolunteerView.class, "volunteer.not-found",
                "Unter dieser Kennung ist niemand registriert.");
        CentreAccess.requireOwnCentre(view.centreId());
        return view;
    }
}
