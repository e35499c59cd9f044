package nrw.komman.web.volunteer;

import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.activity.ActivityForm;
import nrw.komman.web.platform.security.Coordinators;
import jakarta.validation.Valid;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityPage;
import nrw.komman.kernel.activity.FindActivitiesQuery;
import nrw.komman.kernel.activity.LogActivityCommand;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.volunteer.DeactivateVolunteerCommand;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.FindVolunteersQuery;
import nrw.komman.kernel.volunteer.ReactivateVolunteerCommand;
import nrw.komman.kernel.volunteer.RegisterVolunteerCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerPage;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.web.platform.security.CentreAccess;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import nrw.komman.web.platform.page.FormErrors;
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
 * The coordinator's volunteer pages: roster with search and filters, registering, the volunteer's
 * page with their activities, logging an activity, deactivating and reactivating. Every change is a
 * command through the gateway, then post-redirect-get with a confirmation; a refusal stays on the form.
 */
@PageController
public class VolunteerPages {

    static final int PAGE_SIZE = 25;
    static final int ACTIVITIES_PAGE_SIZE = 50;

    /** Which form field a refusal's code is about (longest prefix wins). */
    static final Map<String, String> VOLUNTEER_FIELDS = Map.ofEntries(
            entry("name", "name"), entry("email", "email"), entry("contact", "email"), entry("phone", "phone"),
            entry("availability", "availability"), entry("languages", "otherLanguages"), entry("interests", "interests"),
            entry("consent.document", "consentDocument"), entry("consent.version", "consentVersion"),
            entry("consent.givenAt", "consentDate"), entry("consent", "consentGiven"),
            entry("volunteer.email", "email"), entry("volunteer.registered-on", "registeredOn"),
            entry("volunteer.registered-before-centre", "registeredOn"));
    public static final Map<String, String> ACTIVITY_FIELDS = Map.ofEntries(
            entry("date", "date"), entry("activity.future-date", "date"), entry("activity.before-registration", "date"),
            entry("activity.duration", "minutes"), entry("category", "category"), entry("note", "note"));

    /** The forms' fields in the order they appear, for the error summary. */
    static final List<String> VOLUNTEER_FORM_ORDER = List.of("name", "email", "phone", "availability", "languages",
            "otherLanguages", "interests", "consentGiven", "consentDocument", "consentVersion", "consentDate", "registeredOn");
    static final List<String> ACTIVITY_FORM_ORDER = List.of("date", "minutes", "category", "note");

    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final Today today;
    private final MessageSource messages;

    public VolunteerPages(CommandDispatcher commands, QueryDispatcher queries, Today today, MessageSource messages) {
        this.commands = commands;
        this.queries = queries;
        this.today = today;
        this.messages = messages;
    }

    // ---- roster --------------------------------------------------------------------------------

    @GetMapping("/ehrenamtliche")
    public String roster(@RequestParam(name = "suche", required = false) String search,
                         @RequestParam(name = "status", required = false) VolunteerStatus status,
                         @RequestParam(name = "sprache", required = false) String language,
                         @RequestParam(name = "interesse", required = false) ActivityCategory interest,
                         @RequestParam(name = "seite", defaultValue = "1") int page,
                         Model model, Locale locale) {
        CentreId centre = Coordinators.centre();
        String cleanSearch = search == null || search.isBlank() ? null : search.strip();
        if (cleanSearch != null && cleanSearch.length() > 200) {
            cleanSearch = cleanSearch.substring(0, 200);
        }
        String cleanLanguage = language == null || language.isBlank() || language.strip().length() > 3 ? null
                : language.strip().toLowerCase(Locale.ROOT);
        int pageIndex = Math.max(page, 1) - 1;
        VolunteerPage found = queries.one(new FindVolunteersQuery(centre, status, cleanLanguage, interest, cleanSearch,
                        pageIndex, PAGE_SIZE), VolunteerPage.class, "centre.not-found",
                "Das Integrationszentrum " + centre + " gibt es nicht.");
        model.addAttribute("found", found);
        model.addAttribute("search", cleanSearch);
        model.addAttribute("status", status);
        model.addAttribute("language", cleanLanguage);
        model.addAttribute("interest", interest);
        model.addAttribute("pageNumber", pageIndex + 1);
        model.addAttribute("pages", Math.max(1, (found.totalItems() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("languageChoices", Choices.languages(locale));
        model.addAttribute("categories", Choices.categories());
        model.addAttribute("nav", "volunteers");
        model.addAttribute("filtered", cleanSearch != null || status != null || cleanLanguage != null || interest != null);
        return "coordinator/volunteers";
    }

    // ---- registering -----------------------------------------------------------------------------

    @GetMapping("/ehrenamtliche/neu")
    public String registerForm(Model model, Locale locale) {
        VolunteerForm form = new VolunteerForm();
        form.setConsentDate(today.date());
        model.addAttribute("form", form);
        return registerPage(model, locale);
    }

    @PostMapping("/ehrenamtliche")
    public String register(@Valid @ModelAttribute("form") VolunteerForm form, BindingResult binding, Model model,
                           Locale locale, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                VolunteerId id = VolunteerId.random();
                RegisterVolunteerCommand command = form.toCommand(id, Coordinators.centre(), today.date(), Instant.now(),
                        Nrw.ZONE);
                commands.sendAndAwait(command, id);
                redirect.addFlashAttribute("confirmation",
                        messages.getMessage("ui.volunteer.registered", new Object[]{command.personalData().name()}, locale));
                return "redirect:/ehrenamtliche/" + id;
            } catch (RuntimeException e) {
                if (!FormErrors.reject(binding, e, VOLUNTEER_FIELDS, messages, locale)) {
                    throw e;
                }
            }
        }
        model.addAttribute("formHasErrors", binding.hasErrors());
        return registerPage(model, locale);
    }

    private String registerPage(Model model, Locale locale) {
        model.addAttribute("languageChoices", Choices.languages(locale));
        model.addAttribute("categories", Choices.categories());
        model.addAttribute("today", today.date());
        model.addAttribute("fieldOrder", VOLUNTEER_FORM_ORDER);
        model.addAttribute("nav", "register");
        return "coordinator/volunteer-form";
    }

    // ---- one volunteer ---------------------------------------------------------------------------

    @GetMapping("/ehrenamtliche/{volunteerId}")
    public String volunteer(@PathVariable String volunteerId, @RequestParam(name = "seite", defaultValue = "1") int page,
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

    @PostMapping("/ehrenamtliche/{volunteerId}/deaktivierung")
    public String deactivate(@PathVariable String volunteerId, Locale locale, RedirectAttributes redirect) {
        return changeStatus(volunteerId, true, locale, redirect);
    }

    @PostMapping("/ehrenamtliche/{volunteerId}/reaktivierung")
    public String reactivate(@PathVariable String volunteerId, Locale locale, RedirectAttributes redirect) {
        return changeStatus(volunteerId, false, locale, redirect);
    }

    private String changeStatus(String volunteerId, boolean deactivate, Locale locale, RedirectAttributes redirect) {
        VolunteerView volunteer = find(volunteerId);
        VolunteerId id = volunteer.volunteerId();
        try {
            commands.sendAndAwait(deactivate ? new DeactivateVolunteerCommand(id) : new ReactivateVolunteerCommand(id), id);
            redirect.addFlashAttribute("confirmation", messages.getMessage(
                    deactivate ? "ui.volunteer.deactivated" : "ui.volunteer.reactivated", new Object[]{volunteer.name()}, locale));
        } catch (RuntimeException e) {
            // e.g. "already inactive" after a second click: said on the page, not as an error page
            BindingResultHolder holder = new BindingResultHolder();
            if (!FormErrors.reject(holder.binding(), e, Map.of(), messages, locale)) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", holder.binding().getGlobalError().getDefaultMessage());
        }
        return "redirect:/ehrenamtliche/" + id;
    }

    // ---- changing the personal data --------------------------------------------------------------

    static final List<String> PROFILE_FORM_ORDER = List.of("name", "email", "phone", "availability", "languages",
            "otherLanguages", "interests");

    @GetMapping("/ehrenamtliche/{volunteerId}/bearbeiten")
    public String profileForm(@PathVariable String volunteerId, Model model, Locale locale) {
        VolunteerView volunteer = find(volunteerId);
        model.addAttribute("form", ProfileForm.of(volunteer));
        return profilePage(volunteer, model, locale);
    }

    @PostMapping("/ehrenamtliche/{volunteerId}/bearbeiten")
    public String updateProfile(@PathVariable String volunteerId, @Valid @ModelAttribute("form") ProfileForm form,
                                BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        VolunteerView volunteer = find(volunteerId);
        if (!binding.hasErrors()) {
            try {
                commands.sendAndAwait(form.toCommand(volunteer.volunteerId()), volunteer.volunteerId());
                redirect.addFlashAttribute("confirmation", messages.getMessage("ui.volunteer.updated",
                        new Object[]{form.getName().strip()}, locale));
                return "redirect:/ehrenamtliche/" + volunteer.volunteerId();
            } catch (RuntimeException e) {
                if (!FormErrors.reject(binding, e, VOLUNTEER_FIELDS, messages, locale)) {
                    throw e;
                }
            }
        }
        model.addAttribute("formHasErrors", true);
        return profilePage(volunteer, model, locale);
    }

    private String profilePage(VolunteerView volunteer, Model model, Locale locale) {
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("languageChoices", Choices.languages(locale));
        model.addAttribute("categories", Choices.categories());
        model.addAttribute("fieldOrder", PROFILE_FORM_ORDER);
        model.addAttribute("nav", "volunteers");
        return "coordinator/profile-form";
    }

    // ---- logging an activity ---------------------------------------------------------------------

    @GetMapping("/ehrenamtliche/{volunteerId}/einsaetze/neu")
    public String activityForm(@PathVariable String volunteerId, Model model) {
        ActivityForm form = new ActivityForm();
        form.setDate(today.date());
        model.addAttribute("form", form);
        return activityPage(find(volunteerId), model);
    }

    @PostMapping("/ehrenamtliche/{volunteerId}/einsaetze")
    public String logActivity(@PathVariable String volunteerId, @Valid @ModelAttribute("form") ActivityForm form,
                              BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        VolunteerView volunteer = find(volunteerId);
        if (!binding.hasErrors()) {
            try {
                LogActivityCommand command = form.toCommand(volunteer.volunteerId(), ActivityId.random());
                commands.sendAndAwait(command, volunteer.volunteerId());
                redirect.addFlashAttribute("confirmation", messages.getMessage("ui.activity.logged",
                        new Object[]{volunteer.name()}, locale));
                return "redirect:/ehrenamtliche/" + volunteer.volunteerId();
            } catch (RuntimeException e) {
                if (!FormErrors.reject(binding, e, ACTIVITY_FIELDS, messages, locale)) {
                    throw e;
                }
            }
        }
        model.addAttribute("formHasErrors", binding.hasErrors());
        return activityPage(volunteer, model);
    }

    private String activityPage(VolunteerView volunteer, Model model) {
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("categories", Choices.categories());
        model.addAttribute("today", today.date());
        model.addAttribute("fieldOrder", ACTIVITY_FORM_ORDER);
        model.addAttribute("nav", "volunteers");
        return "coordinator/activity-form";
    }

    /** The volunteer as the read model knows them; the query side refuses another centre's (403). */
    private VolunteerView find(String volunteerId) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        VolunteerView view = queries.one(new FindVolunteerQuery(id), VolunteerView.class, "volunteer.not-found",
                "Unter dieser Kennung ist niemand registriert.");
        CentreAccess.requireOwnCentre(view.centreId());
        return view;
    }

    /** A binding result without a form, to reuse {@link FormErrors} for a refusal of a button. */
    private static final class BindingResultHolder {
        private final org.springframework.validation.MapBindingResult binding =
                new org.springframework.validation.MapBindingResult(new java.util.HashMap<>(), "action");

        BindingResult binding() {
            return binding;
        }
    }
}
