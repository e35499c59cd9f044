package nrw.komman.web.activity;

import jakarta.validation.Valid;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityPage;
import nrw.komman.kernel.activity.ActivityRules;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.activity.FindActivitiesQuery;
import nrw.komman.kernel.activity.WithdrawActivityCommand;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.grant.FindGrantQuery;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.problem.InvalidFieldException;
import nrw.komman.web.platform.Today;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.security.CentreAccess;
import nrw.komman.web.volunteer.Choices;
import nrw.komman.web.platform.page.PageController;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Map.entry;

/**
 * A volunteer's activities in the browser (coordinator): logging one, correcting and withdrawing a logged one.
 * Logged facts are never edited in place: each change is a new command with a reason, and the volunteer's
 * page shows the entry as corrected or withdrawn.
 */
@PageController
class ActivityPages {

    /** Which form field a refusal's code is about (longest prefix wins). */
    static final Map<String, String> ACTIVITY_FIELDS = Map.ofEntries(
            entry("date", "date"), entry("activity.future-date", "date"), entry("activity.before-registration", "date"),
            entry("activity.duration", "hours"), entry("category", "category"), entry("note", "note"),
            entry("grant.id", "grantId"), entry("activity.grant", "grantId"));
    static final Map<String, String> CORRECTION_FIELDS = withReason(ACTIVITY_FIELDS);
    static final Map<String, String> WITHDRAWAL_FIELDS = Map.of("reason", "reason");

    /** The forms' fields in the order they appear, for the error summary. */
    static final List<String> ACTIVITY_ORDER = List.of("date", "hours", "minutes", "category", "note", "grantId");
    static final List<String> CORRECTION_ORDER = List.of("date", "hours", "minutes", "category", "note", "grantId", "reason");

    private final FormPage forms;
    private final QueryDispatcher queries;
    private final Today today;

    ActivityPages(FormPage forms, QueryDispatcher queries, Today today) {
        this.forms = forms;
        this.queries = queries;
        this.today = today;
    }

    // ---- logging an activity ---------------------------------------------------------------------

    @GetMapping("/ehrenamtliche/{volunteerId}/einsaetze/neu")
    String activityForm(@PathVariable String volunteerId, Model model) {
        // no date filled in: a required field the coordinator did not fill is an error, never silently today
        model.addAttribute("form", new ActivityForm());
        return activityPage(volunteer(volunteerId), model);
    }

    @PostMapping("/ehrenamtliche/{volunteerId}/einsaetze")
    String logActivity(@PathVariable String volunteerId, @Valid @ModelAttribute("form") ActivityForm form,
                       BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        VolunteerView volunteer = volunteer(volunteerId);
        return forms.post(binding, model, locale, ACTIVITY_FIELDS)
                .alsoCheck(inputChecks(form, binding, volunteer, null))
                .send(() -> form.toCommand(volunteer.volunteerId(), ActivityId.random()), volunteer.volunteerId())
                .confirm(redirect, "ui.activity.logged") // no name: flash messages are stored in the session row (ADR 23)
                .redirectTo("/ehrenamtliche/" + volunteer.volunteerId())
                .orShowAgain(() -> activityPage(volunteer, model));
    }

    private String activityPage(VolunteerView volunteer, Model model) {
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("categories", Choices.categories());
        model.addAttribute("grants", grants(volunteer, null));
        model.addAttribute("today", today.date());
        model.addAttribute("fieldOrder", ACTIVITY_ORDER);
        model.addAttribute("nav", "volunteers");
        return "coordinator/activity-form";
    }

    // ---- correcting ------------------------------------------------------------------------------

    @GetMapping("/ehrenamtliche/{volunteerId}/einsaetze/{activityId}/korrektur")
    String correctionForm(@PathVariable String volunteerId, @PathVariable String activityId, Model model) {
        VolunteerView volunteer = volunteer(volunteerId);
        ActivityView activity = activity(volunteer, activityId);
        model.addAttribute("form", CorrectionForm.of(activity));
        return correctionPage(volunteer, activity, model);
    }

    @PostMapping("/ehrenamtliche/{volunteerId}/einsaetze/{activityId}/korrektur")
    String correct(@PathVariable String volunteerId, @PathVariable String activityId,
                   @Valid @ModelAttribute("form") CorrectionForm form, BindingResult binding, Model model, Locale locale,
                   RedirectAttributes redirect) {
        VolunteerView volunteer = volunteer(volunteerId);
        ActivityView activity = activity(volunteer, activityId);
        return forms.post(binding, model, locale, CORRECTION_FIELDS)
                .alsoCheck(inputChecks(form, binding, volunteer, activity.grantId()))
                .send(() -> form.toCommand(volunteer.volunteerId(), activity), volunteer.volunteerId())
                .confirm(redirect, "ui.activity.corrected")
                .redirectTo("/ehrenamtliche/" + volunteer.volunteerId())
                .orShowAgain(() -> correctionPage(volunteer, activity, model));
    }

    private String correctionPage(VolunteerView volunteer, ActivityView activity, Model model) {
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("activity", activity);
        model.addAttribute("categories", Choices.categories());
        model.addAttribute("grants", grants(volunteer, activity.grantId()));
        model.addAttribute("today", today.date());
        model.addAttribute("fieldOrder", CORRECTION_ORDER);
        model.addAttribute("nav", "volunteers");
        return "coordinator/activity-correction";
    }

    // ---- withdrawing -----------------------------------------------------------------------------

    @GetMapping("/ehrenamtliche/{volunteerId}/einsaetze/{activityId}/ruecknahme")
    String withdrawalForm(@PathVariable String volunteerId, @PathVariable String activityId, Model model) {
        VolunteerView volunteer = volunteer(volunteerId);
        model.addAttribute("form", new WithdrawalForm());
        return withdrawalPage(volunteer, activity(volunteer, activityId), model);
    }

    @PostMapping("/ehrenamtliche/{volunteerId}/einsaetze/{activityId}/ruecknahme")
    String withdraw(@PathVariable String volunteerId, @PathVariable String activityId,
                    @Valid @ModelAttribute("form") WithdrawalForm form, BindingResult binding, Model model, Locale locale,
                    RedirectAttributes redirect) {
        VolunteerView volunteer = volunteer(volunteerId);
        ActivityView activity = activity(volunteer, activityId);
        return forms.post(binding, model, locale, WITHDRAWAL_FIELDS)
                .send(() -> new WithdrawActivityCommand(volunteer.volunteerId(), activity.activityId(), form.getReason()),
                        volunteer.volunteerId())
                .confirm(redirect, "ui.activity.withdrawn")
                .redirectTo("/ehrenamtliche/" + volunteer.volunteerId())
                .orShowAgain(() -> withdrawalPage(volunteer, activity, model));
    }

    private String withdrawalPage(VolunteerView volunteer, ActivityView activity, Model model) {
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("activity", activity);
        model.addAttribute("fieldOrder", List.of("reason"));
        model.addAttribute("nav", "volunteers");
        return "coordinator/activity-withdrawal";
    }

    /**
     * The checks that need no aggregate, run beside the field checks so one answer names every problem: the
     * duration's total, the date (not in the future, not before the registration), the grant (well-formed and one
     * of the choices). A value that did not parse is skipped: its field has its error already.
     */
    private Runnable[] inputChecks(ActivityFields form, BindingResult binding, VolunteerView volunteer, GrantId current) {
        return new Runnable[]{
                () -> {
                    if (!binding.hasFieldErrors("hours") && !binding.hasFieldErrors("minutes")) {
                        form.totalMinutes();
                    }
                },
                () -> {
                    if (form.getDate() != null) {
                        ActivityRules.checkDate(form.getDate(), today.date(), volunteer.registeredOn());
                    }
                },
                () -> {
                    GrantId chosen = Ids.optionalGrant("grantId", form.getGrantId());
                    if (chosen != null && grants(volunteer, current).stream().noneMatch(g -> g.grantId().equals(chosen))) {
                        throw new InvalidFieldException("grantId", "activity.grant.not-offered",
                                "Bitte wählen Sie eine der angebotenen Zuwendungen.");
                    }
                }};
    }

    // ---- reads -----------------------------------------------------------------------------------

    /** The volunteer as the read model knows them; the query side refuses another centre's (403). */
    private VolunteerView volunteer(String volunteerId) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        VolunteerView view = queries.one(new FindVolunteerQuery(id), VolunteerView.class, "volunteer.not-found",
                "Unter dieser Kennung ist niemand registriert.");
        CentreAccess.requireOwnCentre(view.centreId());
        return view;
    }

    /** The activity from the volunteer's log, page by page (as the API's GET of one activity). */
    private ActivityView activity(VolunteerView volunteer, String activityId) {
        ActivityId wanted = Ids.activity("activityId", activityId);
        int size = FindActivitiesQuery.MAX_SIZE;
        for (int page = 0; ; page++) {
            ActivityPage found = queries.one(new FindActivitiesQuery(volunteer.centreId(), volunteer.volunteerId(),
                    null, null, null, page, size), ActivityPage.class, "activity.not-found", "Diesen Einsatz gibt es nicht.");
            for (ActivityView item : found.items()) {
                if (item.activityId().equals(wanted)) {
                    return item;
                }
            }
            if (found.items().isEmpty() || (long) (page + 1) * size >= found.totalItems()) {
                throw new NotFoundException("activity.not-found", "Diesen Einsatz gibt es nicht.");
            }
        }
    }

    /** The centre's approved grants to choose from, and the activity's own grant (whatever its state now) first. */
    private List<GrantView> grants(VolunteerView volunteer, GrantId current) {
        List<GrantView> grants = new ArrayList<>(queries.list(
                new FindGrantsQuery(volunteer.centreId(), null, GrantStatus.APPROVED), GrantView.class));
        if (current != null && grants.stream().noneMatch(g -> g.grantId().equals(current))) {
            queries.optional(new FindGrantQuery(current), GrantView.class).ifPresent(g -> grants.add(0, g));
        }
        return grants;
    }

    private static Map<String, String> withReason(Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(fields);
        all.put("reason", "reason");
        return Map.copyOf(all);
    }
}
