package nrw.komman.web.volunteer;

import nrw.komman.web.platform.security.Coordinators;
import jakarta.validation.Valid;
import nrw.komman.kernel.activity.ActivityPage;
import nrw.komman.kernel.activity.FindActivitiesQuery;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.web.platform.security.CentreAccess;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.page.PageController;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Map.entry;

/**
 * The coordinator's volunteer pages (the roster is in {@link RosterPages}, deactivating and reactivating in
 * {@link VolunteerDeactivationPages}): registering, the volunteer's page with their activities, changing the
 * personal data. Every change is
 * a command through the gateway, then post-redirect-get with a confirmation; a refusal stays on the form.
 * Logging and correcting activities are in the activity package.
 */
@PageController
class VolunteerPages {

    static final int ACTIVITIES_PAGE_SIZE = 50;

    /** Which form field a refusal's code is about (longest prefix wins). */
    static final Map<String, String> VOLUNTEER_FIELDS = Map.ofEntries(
            entry("name", "name"), entry("email", "email"), entry("contact", "email"), entry("phone", "phone"),
            entry("availability", "availability"), entry("languages", "otherLanguages"), entry("interests", "interests"),
            entry("consent.document", "consentDocument"), entry("consent.version", "consentVersion"),
            entry("consent.givenAt", "consentDate"), entry("consent", "consentGiven"),
            entry("volunteer.email", "email"), entry("volunteer.registered-on", "registeredOn"),
            entry("volunteer.registered-before-centre", "registeredOn"),
            entry("email-consent", "emailConsentGiven"), entry("emailConsent", "emailConsentGiven"),
            entry("email-consent.document", "emailConsentDocument"), entry("email-consent.version", "emailConsentVersion"),
            entry("email-consent.givenAt", "emailConsentDate"));
    /** The forms' fields in the order they appear, for the error summary. */
    static final List<String> VOLUNTEER_FORM_ORDER = List.of("name", "email", "phone", "availability", "languages",
            "otherLanguages", "interests", "consentGiven", "consentDocument", "consentVersion", "consentDate",
            "emailConsentGiven", "emailConsentDocument", "emailConsentVersion", "emailConsentDate", "registeredOn");

    private final FormPage forms;
    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final Today today;
    private final MessageSource messages;
    private final PossibleDuplicates duplicates;

    VolunteerPages(FormPage forms, CommandDispatcher commands, QueryDispatcher queries, Today today, MessageSource messages,
                   PossibleDuplicates duplicates) {
        this.duplicates = duplicates;
        this.forms = forms;
        this.commands = commands;
        this.queries = queries;
        this.today = today;
        this.messages = messages;
    }

    // ---- registering -----------------------------------------------------------------------------

    @GetMapping("/ehrenamtliche/neu")
    String registerForm(Model model, Locale locale) {
        // "Unterschrieben am" stays empty: the day is read off the signed paper, never assumed (ADR 29)
        model.addAttribute("form", new VolunteerForm());
        return registerPage(model, locale);
    }

    @PostMapping("/ehrenamtliche")
    String register(@Valid @ModelAttribute("form") VolunteerForm form, BindingResult binding, Model model,
                    Locale locale, RedirectAttributes redirect) {
        VolunteerId id = VolunteerId.random();
        // the confirmation names nobody: flash messages are stored in the session's row in the database (ADR 23),
        // where a name would outlive the volunteer's erasure; the page it leads to shows the name
        FormPage.Submission submission = forms.post(binding, model, locale, VOLUNTEER_FIELDS)
                .alsoCheck(form.inputChecks(Instant.now(), today.date(), Nrw.ZONE));
        // a possible duplicate is a warning, not an error: the form again, with "Trotzdem registrieren"
        List<PossibleDuplicates.Twin> twins = binding.hasErrors() || form.isDespiteDuplicates() ? List.of()
                : duplicates.of(Coordinators.centre(), form.getName());
        if (!twins.isEmpty()) {
            return submission.check(() -> form.toCommand(id, Coordinators.centre(), Nrw.ZONE))
                    .thenShow(() -> {
                        model.addAttribute("possibleDuplicates", twins);
                        return registerPage(model, locale);
                    })
                    .orShowAgain(() -> registerPage(model, locale));
        }
        return submission
                .send(() -> form.toCommand(id, Coordinators.centre(), Nrw.ZONE), id)
                .confirm(redirect, "ui.volunteer.registered")
                .redirectTo("/ehrenamtliche/" + id)
                .orShowAgain(() -> registerPage(model, locale));
    }

    private String registerPage(Model model, Locale locale) {
        model.addAttribute("languageChoices", Choices.languages(locale));
        model.addAttribute("allLanguageNames", Choices.allLanguageNames(locale));
        model.addAttribute("categories", Choices.categories());
        model.addAttribute("today", today.date());
        model.addAttribute("fieldOrder", VOLUNTEER_FORM_ORDER);
        model.addAttribute("nav", "register");
        return "coordinator/volunteer-form";
    }

    // ---- one volunteer ---------------------------------------------------------------------------

    @GetMapping("/ehrenamtliche/{volunteerId}")
    String volunteer(@PathVariable String volunteerId, @RequestParam(name = "seite", defaultValue = "1") int page,
                     Model model) {
        VolunteerView volunteer = find(volunteerId);
        int pageIndex = Math.max(page, 1) - 1;
        ActivityPage activities = queries.one(new FindActivitiesQuery(volunteer.centreId(), volunteer.volunteerId(),
                        null, null, null, pageIndex, ACTIVITIES_PAGE_SIZE), ActivityPage.class, "volunteer.not-found",
                "Unter dieser Kennung ist niemand registriert.");
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("activities", activities);
        model.addAttribute("pageNumber", pageIndex + 1);
        model.addAttribute("pages", Math.max(1, (activities.totalItems() + ACTIVITIES_PAGE_SIZE - 1) / ACTIVITIES_PAGE_SIZE));
        model.addAttribute("nav", "volunteers");
        return "coordinator/volunteer";
    }

    // ---- changing the personal data --------------------------------------------------------------

    static final List<String> PROFILE_FORM_ORDER = List.of("name", "email", "phone", "availability", "languages",
            "otherLanguages", "interests");

    @GetMapping("/ehrenamtliche/{volunteerId}/bearbeiten")
    String profileForm(@PathVariable String volunteerId, Model model, Locale locale) {
        VolunteerView volunteer = find(volunteerId);
        model.addAttribute("form", ProfileForm.of(volunteer, locale));
        return profilePage(volunteer, model, locale);
    }

    @PostMapping("/ehrenamtliche/{volunteerId}/bearbeiten")
    String updateProfile(@PathVariable String volunteerId, @Valid @ModelAttribute("form") ProfileForm form,
                         BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        VolunteerView volunteer = find(volunteerId);
        return forms.post(binding, model, locale, VOLUNTEER_FIELDS)
                .alsoCheck(form.inputChecks())
                .send(() -> form.toCommand(volunteer.volunteerId()), volunteer.volunteerId())
                .confirm(redirect, "ui.volunteer.updated") // no name in the session (ADR 23)
                .redirectTo("/ehrenamtliche/" + volunteer.volunteerId())
                .orShowAgain(() -> profilePage(volunteer, model, locale));
    }

    private String profilePage(VolunteerView volunteer, Model model, Locale locale) {
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("languageChoices", Choices.languages(locale));
        model.addAttribute("allLanguageNames", Choices.allLanguageNames(locale));
        model.addAttribute("categories", Choices.categories());
        model.addAttribute("fieldOrder", PROFILE_FORM_ORDER);
        model.addAttribute("nav", "volunteers");
        return "coordinator/profile-form";
    }

    /** The volunteer as the read model knows them; the query side refuses another centre's (403). */
    private VolunteerView find(String volunteerId) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        VolunteerView view = queries.one(new FindVolunteerQuery(id), VolunteerView.class, "volunteer.not-found",
                "Unter dieser Kennung ist niemand registriert.");
        CentreAccess.requireOwnCentre(view.centreId());
        return view;
    }
}
