package nrw.komman.web.coordination;

import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.coordination.Availability;
import nrw.komman.kernel.coordination.UpdateAvailabilityCommand;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.platform.page.UiAccess;
import nrw.komman.web.platform.security.CentreAccess;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Locale;
import java.util.Map;

/** The coordinator records when a volunteer is usually free and away (the same form as on the volunteer's own page). */
@PageController
class AvailabilityPages {

    /** A refusal of the command side about availability belongs to the form as a whole. */
    static final Map<String, String> FIELDS = Map.of();

    private final QueryDispatcher queries;
    private final FormPage forms;
    private final VolunteerLinkSection sections;

    AvailabilityPages(QueryDispatcher queries, FormPage forms, VolunteerLinkSection sections) {
        this.queries = queries;
        this.forms = forms;
        this.sections = sections;
    }

    @org.springframework.web.bind.annotation.InitBinder("form")
    void limitRows(org.springframework.web.bind.WebDataBinder binder) {
        AvailabilityForm.limitRows(binder);
    }

    @GetMapping("/ehrenamtliche/{volunteerId}/verfuegbarkeit")
    String form(@PathVariable String volunteerId, Model model) {
        UiAccess.require(Action.UPDATE_AVAILABILITY);
        VolunteerView volunteer = find(volunteerId);
        Availability recorded = sections.availability(volunteer.volunteerId());
        model.addAttribute("form", AvailabilityForm.of(recorded == null ? Availability.UNKNOWN : recorded));
        return page(volunteer, model);
    }

    @PostMapping("/ehrenamtliche/{volunteerId}/verfuegbarkeit")
    String update(@PathVariable String volunteerId, @ModelAttribute("form") AvailabilityForm form, BindingResult binding,
                  Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.UPDATE_AVAILABILITY);
        VolunteerView volunteer = find(volunteerId);
        Availability[] checked = new Availability[1];
        return forms.post(binding, model, locale, FIELDS)
                .alsoCheck(() -> checked[0] = form.check(binding))
                .send(() -> new UpdateAvailabilityCommand(volunteer.volunteerId(), checked[0]), volunteer.volunteerId())
                .confirm(redirect, "ui.availability.saved")
                .redirectTo("/ehrenamtliche/" + volunteer.volunteerId() + "#verfuegbarkeit")
                .orShowAgain(() -> {
                    form.addEmptyRows();
                    return page(volunteer, model);
                });
    }

    private String page(VolunteerView volunteer, Model model) {
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("action", "/ehrenamtliche/" + volunteer.volunteerId() + "/verfuegbarkeit");
        model.addAttribute("fieldOrder", ((AvailabilityForm) model.getAttribute("form")).fieldOrder());
        model.addAttribute("back", "/ehrenamtliche/" + volunteer.volunteerId());
        model.addAttribute("nav", "volunteers");
        return "coordination/availability";
    }

    private VolunteerView find(String volunteerId) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        VolunteerView view = queries.one(new FindVolunteerQuery(id), VolunteerView.class, "volunteer.not-found",
                "Unter dieser Kennung ist niemand registriert.");
        CentreAccess.requireOwnCentre(view.centreId());
        return view;
    }
}
