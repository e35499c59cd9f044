package nrw.komman.web.coordination;

import jakarta.validation.Valid;
import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.coordination.AskVolunteerCommand;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.AssignmentStatus;
import nrw.komman.kernel.coordination.AssignmentView;
import nrw.komman.kernel.coordination.CancelHelpRequestCommand;
import nrw.komman.kernel.coordination.CloseHelpRequestCommand;
import nrw.komman.kernel.coordination.CoordinationRules;
import nrw.komman.kernel.coordination.FindHelpRequestsQuery;
import nrw.komman.kernel.coordination.HelpRequestBoard;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.HelpRequestStatus;
import nrw.komman.kernel.coordination.HelpRequestView;
import nrw.komman.kernel.coordination.MatchVolunteersQuery;
import nrw.komman.kernel.coordination.OfferToVolunteersCommand;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.VolunteerMatches;
import nrw.komman.kernel.grant.FindGrantQuery;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.platform.page.UiAccess;
import nrw.komman.web.platform.problem.InvalidFieldException;
import nrw.komman.web.platform.security.Coordinators;
import nrw.komman.web.volunteer.Choices;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Map.entry;

/**
 * The coordinator's requests for help in the browser: the board, recording a request, one request with its
 * assignments and the matching volunteers (ask each chosen one, or offer to all chosen at once), calling a request
 * off and closing it, each with a page that says what happens first (ADR 31). The assignments' own actions are in
 * {@link AssignmentPages}.
 * <p>Why this size: five pages with their GET and POST, each on the form-page flow; the words of schedules and match
 * reasons are in {@code RequestWords}.
 */
@PageController
class HelpRequestPages {

    static final int MATCHES = 20;

    /** The form's fields in the order they appear, for the error summary. */
    static final List<String> FORM_ORDER = List.of("category", "languages", "otherLanguages", "kind", "day", "firstDay",
            "lastDay", "weekdays", "start", "end", "hours", "minutes", "municipality", "place", "volunteersNeeded",
            "requesterName", "requesterContact", "note", "grantId");

    private final FormPage forms;
    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final Today today;

    HelpRequestPages(FormPage forms, CommandDispatcher commands, QueryDispatcher queries, Today today) {
        this.forms = forms;
        this.commands = commands;
        this.queries = queries;
        this.today = today;
    }

    // ---- the board -------------------------------------------------------------------------------

    @GetMapping("/zentrum/anfragen")
    String board(Model model) {
        UiAccess.require(Action.READ_HELP_REQUESTS);
        HelpRequestBoard board = queries.one(new FindHelpRequestsQuery(Coordinators.centre(), null, null),
                HelpRequestBoard.class, "centre.not-found", "Dieses Integrationszentrum gibt es nicht.");
        model.addAttribute("requests", board.requests());
        model.addAttribute("nav", "help-requests");
        return "coordination/board";
    }

    // ---- recording a request ---------------------------------------------------------------------

    @GetMapping("/zentrum/anfragen/neu")
    String newForm(Model model, Locale locale) {
        UiAccess.require(Action.MANAGE_HELP_REQUESTS);
        model.addAttribute("form", new HelpRequestForm());
        return formPage(model, locale);
    }

    @PostMapping("/zentrum/anfragen")
    String open(@Valid @ModelAttribute("form") HelpRequestForm form, BindingResult binding, Model model, Locale locale,
                RedirectAttributes redirect) {
        UiAccess.require(Action.MANAGE_HELP_REQUESTS);
        HelpRequestId id = HelpRequestId.random();
        return forms.post(binding, model, locale, fields(form))
                .alsoCheck(inputChecks(form, binding))
                .send(() -> form.toCommand(id, Coordinators.centre()), id)
                .confirm(redirect, "ui.help-request.opened") // no name in the flash (ADR 23)
                .redirectTo("/zentrum/anfragen/" + id)
                .orShowAgain(() -> formPage(model, locale));
    }

    private String formPage(Model model, Locale locale) {
        model.addAttribute("languageChoices", Choices.languages(locale));
        model.addAttribute("allLanguageNames", Choices.allLanguageNames(locale));
        model.addAttribute("categories", Choices.categories());
        model.addAttribute("weekdays", RequestWords.weekdays());
        model.addAttribute("grants", grants());
        model.addAttribute("today", today.date());
        model.addAttribute("fieldOrder", FORM_ORDER);
        model.addAttribute("nav", "help-requests");
        return "coordination/request-form";
    }

    /** Which field a refusal's code is about (longest prefix wins); a date of the schedule by the form's kind. */
    private static Map<String, String> fields(HelpRequestForm form) {
        return Map.ofEntries(entry("category", "category"), entry("languages", "otherLanguages"),
                entry("schedule.firstDay", form.dateField()), entry("schedule.lastDay", "lastDay"),
                entry("schedule.too-long", "lastDay"), entry("schedule.weekdays", "weekdays"),
                entry("schedule.no-occurrence", "weekdays"), entry("schedule.start", "start"), entry("schedule.end", "end"),
                entry("help-request.day", "day"), entry("help-request.firstDay", "firstDay"),
                entry("help-request.lastDay", "lastDay"), entry("activity.duration", "hours"), entry("minutes", "hours"),
                entry("volunteersNeeded", "volunteersNeeded"), entry("municipality", "municipality"), entry("place", "place"),
                entry("requesterName", "requesterName"), entry("requesterContact", "requesterContact"), entry("note", "note"),
                entry("grant.id", "grantId"), entry("help-request.grant", "grantId"));
    }

    /**
     * The kernel's checks that need no aggregate, beside the field checks, so one answer names every problem (ADR 29):
     * the schedule, the duration and its fit into the day's span, how many volunteers, the languages, the grant.
     */
    private Runnable[] inputChecks(HelpRequestForm form, BindingResult binding) {
        return new Runnable[]{
                () -> {
                    if (form.getKind() != null && !binding.hasFieldErrors("start") && !binding.hasFieldErrors("end")
                            && form.getStart() != null && form.getEnd() != null) {
                        form.schedule();
                    } else if (form.getKind() != null) {
                        checkDatesPresent(form);
                    }
                },
                () -> {
                    if (!binding.hasFieldErrors("hours") && !binding.hasFieldErrors("minutes")) {
                        int minutes = form.totalMinutes();
                        Schedule schedule = scheduleOrNull(form, binding);
                        CoordinationRules.checkMinutes(minutes, schedule);
                    }
                },
                () -> {
                    if (form.getVolunteersNeeded() != null) {
                        CoordinationRules.checkVolunteersNeeded(form.getVolunteersNeeded());
                    }
                },
                () -> LanguageCheck.check(form),
                () -> {
                    GrantId chosen = Ids.optionalGrant("grantId", form.getGrantId());
                    if (chosen != null && grants().stream().noneMatch(g -> g.grantId().equals(chosen))) {
                        throw new InvalidFieldException("grantId", "help-request.grant.not-offered",
                                "Bitte wählen Sie eine der angebotenen Zuwendungen.");
                    }
                }};
    }

    private static void checkDatesPresent(HelpRequestForm form) {
        if (form.getKind() == HelpRequestForm.Kind.ONCE && form.getDay() == null) {
            throw new InvalidFieldException("day", "help-request.day.missing", "Bitte geben Sie das Datum an.");
        }
        if (form.getKind() == HelpRequestForm.Kind.WEEKLY && form.getFirstDay() == null) {
            throw new InvalidFieldException("firstDay", "help-request.firstDay.missing", "Bitte geben Sie den ersten Tag an.");
        }
    }

    /**
     * The span of one day, for the check that the duration fits into it: it needs the times only, so a date problem
     * (said by its own check) does not hide a duration that is too long.
     */
    private static Schedule scheduleOrNull(HelpRequestForm form, BindingResult binding) {
        if (form.getStart() == null || form.getEnd() == null || !form.getEnd().isAfter(form.getStart())) {
            return null;
        }
        LocalDate anyDay = form.getDay() != null ? form.getDay() : LocalDate.of(2000, 1, 1);
        return Schedule.once(anyDay, form.getStart(), form.getEnd());
    }

    /** The languages' check, apart so that its refusal lands on "Weitere Sprachen". */
    private static final class LanguageCheck {
        static void check(HelpRequestForm form) {
            nrw.komman.web.volunteer.LanguageInput.check(form.getLanguages(), form.getOtherLanguages());
        }
    }

    /** The centre's approved grants to choose from (as on the activity form). */
    private List<GrantView> grants() {
        return queries.list(new FindGrantsQuery(Coordinators.centre(), null, GrantStatus.APPROVED), GrantView.class);
    }

    // ---- one request -----------------------------------------------------------------------------

    @GetMapping("/zentrum/anfragen/{requestId}")
    String request(@PathVariable String requestId, Model model) {
        UiAccess.require(Action.READ_HELP_REQUESTS);
        HelpRequestView view = HelpRequestController.find(queries, Ids.helpRequest("requestId", requestId));
        boolean live = live(view);
        model.addAttribute("request", view);
        model.addAttribute("live", live);
        model.addAttribute("rows", view.assignments().stream().map(a -> AssignmentRow.of(a, today.date())).toList());
        model.addAttribute("grant", Optional.ofNullable(view.grantId())
                .flatMap(g -> queries.optional(new FindGrantQuery(g), GrantView.class)).orElse(null));
        if (live) {
            model.addAttribute("matches", queries.optional(new MatchVolunteersQuery(view.summary().requestId(), MATCHES),
                    VolunteerMatches.class).orElse(null));
        }
        model.addAttribute("nav", "help-requests");
        return "coordination/request";
    }

    static boolean live(HelpRequestView view) {
        HelpRequestStatus status = view.summary().status();
        return status != HelpRequestStatus.CANCELLED && status != HelpRequestStatus.CLOSED;
    }

    /**
     * The chosen matches: "Anfragen" asks each one (their time is held), "An alle Ausgewählten anbieten" offers the open
     * places to all of them at once. A refusal (booked meanwhile, request staffed) is said on the request's page.
     */
    @PostMapping("/zentrum/anfragen/{requestId}/einsaetze")
    String askOrOffer(@PathVariable String requestId,
                      @RequestParam(name = "volunteerIds", required = false) List<String> volunteerIds,
                      @RequestParam(name = "aktion", defaultValue = "anfragen") String action,
                      Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.MANAGE_HELP_REQUESTS);
        HelpRequestId id = Ids.helpRequest("requestId", requestId);
        String back = "/zentrum/anfragen/" + id;
        List<VolunteerId> chosen = new ArrayList<>();
        for (String volunteer : volunteerIds == null ? List.<String>of() : volunteerIds) {
            VolunteerId v = Ids.volunteer("volunteerIds", volunteer);
            if (!chosen.contains(v)) {
                chosen.add(v);
            }
            if (chosen.size() > CoordinationRules.MAX_OFFERS) {
                throw new InvalidFieldException("volunteerIds", "help-request.too-many-chosen", "Höchstens "
                        + CoordinationRules.MAX_OFFERS + " Personen können auf einmal angefragt oder angeboten werden.");
            }
        }
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("refusal", forms.text("ui.help-request.choose-someone", locale));
            return "redirect:" + back;
        }
        boolean offer = "anbieten".equals(action);
        // asking is one command per person: a refusal part-way leaves the first ones asked, so their names are taken
        // from the matches now (once asked, a person's time is held and they are no longer among the matches)
        Map<VolunteerId, String> names = offer || chosen.size() == 1 ? Map.of() : namesOfMatches(id);
        List<VolunteerId> asked = new ArrayList<>();
        String target = forms.press(() -> {
            if (offer) {
                Map<VolunteerId, AssignmentId> offers = new LinkedHashMap<>();
                chosen.forEach(v -> offers.put(v, AssignmentId.random()));
                commands.sendAndAwait(new OfferToVolunteersCommand(id, offers), id);
            } else {
                for (VolunteerId volunteer : chosen) {
                    commands.sendAndAwait(new AskVolunteerCommand(id, AssignmentId.random(), volunteer), id);
                    asked.add(volunteer);
                }
            }
        }, redirect, locale, () -> forms.text(offer ? "ui.help-request.offered" : "ui.help-request.asked", locale, chosen.size()),
                back);
        Object refusal = redirect.getFlashAttributes().get("refusal");
        if (!offer && refusal != null && !asked.isEmpty()) {
            List<VolunteerId> notAsked = chosen.stream().filter(v -> !asked.contains(v)).toList();
            redirect.addFlashAttribute("refusal", forms.text("ui.help-request.asked-partly", locale,
                    namesOf(asked, names, locale), namesOf(notAsked, names, locale), refusal));
        }
        return target;
    }

    /** The names of the request's matches (as many as one may choose at once), by volunteer. */
    private Map<VolunteerId, String> namesOfMatches(HelpRequestId id) {
        Map<VolunteerId, String> names = new LinkedHashMap<>();
        queries.optional(new MatchVolunteersQuery(id, CoordinationRules.MAX_OFFERS), VolunteerMatches.class)
                .map(VolunteerMatches::matches).orElse(List.of())
                .forEach(m -> names.put(m.volunteerId(), m.name()));
        return names;
    }

    /** "Cem Yıldız, Aylin Demir"; one not among the matches any more is named only as "someone". */
    private String namesOf(List<VolunteerId> volunteers, Map<VolunteerId, String> names, Locale locale) {
        return String.join(", ", volunteers.stream()
                .map(v -> names.getOrDefault(v, forms.text("ui.help-request.someone", locale))).toList());
    }

    // ---- calling off and closing -----------------------------------------------------------------

    @GetMapping("/zentrum/anfragen/{requestId}/absage")
    String cancelPage(@PathVariable String requestId, Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.MANAGE_HELP_REQUESTS);
        HelpRequestView view = HelpRequestController.find(queries, Ids.helpRequest("requestId", requestId));
        if (!live(view)) {
            redirect.addFlashAttribute("refusal", forms.text("ui.help-request.not-live", locale));
            return "redirect:/zentrum/anfragen/" + view.summary().requestId();
        }
        model.addAttribute("form", new CoordinationReasonForm());
        return cancelPage(view, model);
    }

    @PostMapping("/zentrum/anfragen/{requestId}/absage")
    String cancel(@PathVariable String requestId, @Valid @ModelAttribute("form") CoordinationReasonForm form, BindingResult binding,
                  Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.MANAGE_HELP_REQUESTS);
        HelpRequestView view = HelpRequestController.find(queries, Ids.helpRequest("requestId", requestId));
        HelpRequestId id = view.summary().requestId();
        return forms.post(binding, model, locale, Map.of("reason", "reason", "help-request.cancel", "reason"))
                .alsoCheck(() -> form.requireReason("help-request.cancel.reason-missing"))
                .send(() -> new CancelHelpRequestCommand(id, form.getReason()), id)
                .confirm(redirect, "ui.help-request.cancelled")
                .redirectTo("/zentrum/anfragen/" + id)
                .orShowAgain(() -> cancelPage(view, model));
    }

    private String cancelPage(HelpRequestView view, Model model) {
        model.addAttribute("request", view);
        model.addAttribute("fieldOrder", List.of("reason"));
        model.addAttribute("nav", "help-requests");
        return "coordination/request-cancel";
    }

    @GetMapping("/zentrum/anfragen/{requestId}/abschluss")
    String closePage(@PathVariable String requestId, Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.MANAGE_HELP_REQUESTS);
        HelpRequestView view = HelpRequestController.find(queries, Ids.helpRequest("requestId", requestId));
        if (!live(view)) {
            redirect.addFlashAttribute("refusal", forms.text("ui.help-request.not-live", locale));
            return "redirect:/zentrum/anfragen/" + view.summary().requestId();
        }
        model.addAttribute("request", view);
        model.addAttribute("nav", "help-requests");
        return "coordination/request-close";
    }

    @PostMapping("/zentrum/anfragen/{requestId}/abschluss")
    String close(@PathVariable String requestId, Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.MANAGE_HELP_REQUESTS);
        HelpRequestId id = Ids.helpRequest("requestId", requestId);
        return forms.press(() -> commands.sendAndAwait(new CloseHelpRequestCommand(id), id), redirect, locale,
                () -> forms.text("ui.help-request.closed", locale), "/zentrum/anfragen/" + id);
    }

    /** One assignment on the request's page with what can be done to it now. */
    public record AssignmentRow(AssignmentView assignment, boolean live, boolean confirmed, List<LocalDate> daysToRecord) {

        static AssignmentRow of(AssignmentView a, LocalDate today) {
            boolean confirmed = a.status() == AssignmentStatus.CONFIRMED;
            List<LocalDate> open = confirmed && a.schedule() != null ? a.schedule().days().stream()
                    .filter(d -> !d.isAfter(today))
                    .filter(d -> a.tookPlaceOn() == null || !a.tookPlaceOn().contains(d))
                    .filter(d -> a.noShowOn() == null || !a.noShowOn().contains(d))
                    .toList() : List.of();
            return new AssignmentRow(a, a.status().live(), confirmed, open);
        }

        public boolean answerPending() {
            return assignment.status() == AssignmentStatus.ASKED || assignment.status() == AssignmentStatus.OFFERED;
        }
    }
}
