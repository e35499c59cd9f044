package nrw.komman.web.volunteer;

import jakarta.validation.Valid;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.volunteer.EmailConsentStatus;
import nrw.komman.kernel.volunteer.FetchEmailConsentQuery;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.kernel.volunteer.WithdrawEmailConsentCommand;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.platform.security.CentreAccess;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Map.entry;

/**
 * The volunteer's consent to be contacted by e-mail on the coordinator's pages (issue 19): recording it (a form
 * with the declaration, its version and the day signed) and withdrawing it, which asks first on a page that says
 * what changes (ADR 31): no more e-mail, the e-mailed link stops, nothing else is erased.
 */
@PageController
class EmailConsentPages {

    /** Which field a refusal's code is about (longest prefix wins). */
    static final Map<String, String> FIELDS = Map.ofEntries(entry("email-consent", "date"),
            entry("email-consent.document", "document"), entry("email-consent.version", "version"),
            entry("email-consent.already-given", "version"),
            entry("consent.document", "document"), entry("consent.version", "version"), entry("consent.givenAt", "date"));
    static final List<String> FORM_ORDER = List.of("document", "version", "date");

    private final FormPage forms;
    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final Today today;

    EmailConsentPages(FormPage forms, CommandDispatcher commands, QueryDispatcher queries, Today today) {
        this.forms = forms;
        this.commands = commands;
        this.queries = queries;
        this.today = today;
    }

    @GetMapping("/ehrenamtliche/{volunteerId}/kontakt-per-email")
    String form(@PathVariable String volunteerId, Model model, Locale locale, RedirectAttributes redirect) {
        VolunteerView volunteer = find(volunteerId);
        if (volunteer.erased() || volunteer.status() != VolunteerStatus.ACTIVE) {
            redirect.addFlashAttribute("refusal", forms.text("ui.volunteer.email-consent.not-active", locale));
            return "redirect:/ehrenamtliche/" + volunteer.volunteerId();
        }
        model.addAttribute("form", new EmailConsentForm());
        return formPage(volunteer, model);
    }

    @PostMapping("/ehrenamtliche/{volunteerId}/kontakt-per-email")
    String give(@PathVariable String volunteerId, @Valid @ModelAttribute("form") EmailConsentForm form,
                BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        VolunteerView volunteer = find(volunteerId);
        VolunteerId id = volunteer.volunteerId();
        return forms.post(binding, model, locale, FIELDS)
                .alsoCheck(form.inputChecks(volunteer.consent() == null ? null : Nrw.dateOf(volunteer.consent().givenAt()),
                        today.date()))
                .send(() -> form.toCommand(id, Nrw.ZONE), id)
                .confirm(redirect, "ui.volunteer.email-consent.given")
                .redirectTo("/ehrenamtliche/" + id)
                .orShowAgain(() -> formPage(volunteer, model));
    }

    private String formPage(VolunteerView volunteer, Model model) {
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("today", today.date());
        model.addAttribute("fieldOrder", FORM_ORDER);
        model.addAttribute("nav", "volunteers");
        return "coordinator/email-consent-form";
    }

    @GetMapping("/ehrenamtliche/{volunteerId}/kontakt-per-email/widerruf")
    String withdrawal(@PathVariable String volunteerId, Model model, Locale locale, RedirectAttributes redirect) {
        VolunteerView volunteer = find(volunteerId);
        EmailConsentStatus consent = queries.optional(new FetchEmailConsentQuery(volunteer.volunteerId()), EmailConsentStatus.class)
                .orElse(null);
        if (volunteer.erased() || consent == null || !consent.current()) {
            // an old bookmark or a second tab: nothing to withdraw
            redirect.addFlashAttribute("refusal", forms.text("ui.volunteer.email-consent.none", locale));
            return "redirect:/ehrenamtliche/" + volunteer.volunteerId();
        }
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("nav", "volunteers");
        return "coordinator/email-consent-withdrawal-confirm";
    }

    @PostMapping("/ehrenamtliche/{volunteerId}/kontakt-per-email/widerruf")
    String withdraw(@PathVariable String volunteerId, Locale locale, RedirectAttributes redirect) {
        VolunteerView volunteer = find(volunteerId);
        VolunteerId id = volunteer.volunteerId();
        return forms.press(() -> commands.sendAndAwait(new WithdrawEmailConsentCommand(id, today.now()), id), redirect,
                locale, () -> forms.text("ui.volunteer.email-consent.withdrawn", locale), "/ehrenamtliche/" + id);
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
