package nrw.komman.web.activity;

import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.volunteer.Choices;
import nrw.komman.web.volunteer.VolunteerPages;
import jakarta.validation.Valid;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityPage;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.activity.FindActivitiesQuery;
import nrw.komman.kernel.activity.WithdrawActivityCommand;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Correcting and withdrawing a logged activity. Logged facts are never edited in place: each is a
 * new command with a reason, and the volunteer's page shows the entry as corrected or withdrawn.
 */
@PageController
public class ActivityCorrectionPages {

    static final List<String> CORRECTION_ORDER = List.of("date", "minutes", "category", "note", "reason");

    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final Today today;
    private final MessageSource messages;

    public ActivityCorrectionPages(CommandDispatcher commands, QueryDispatcher queries, Today today, MessageSource messages) {
        this.commands = commands;
        this.queries = queries;
        this.today = today;
        this.messages = messages;
    }

    @GetMapping("/ehrenamtliche/{volunteerId}/einsaetze/{activityId}/korrektur")
    public String correctionForm(@PathVariable String volunteerId, @PathVariable String activityId, Model model) {
        VolunteerView volunteer = volunteer(volunteerId);
        ActivityView activity = activity(volunteer, activityId);
        model.addAttribute("form", CorrectionForm.of(activity));
        return correctionPage(volunteer, activity, model);
    }

    @PostMapping("/ehrenamtliche/{volunteerId}/einsaetze/{activityId}/korrektur")
    public String correct(@PathVariable String volunteerId, @PathVariable String activityId,
                          @Valid @ModelAttribute("form") CorrectionForm form, BindingResult binding, Model model, Locale locale,
                          RedirectAttributes redirect) {
        VolunteerView volunteer = volunteer(volunteerId);
        ActivityView activity = activity(volunteer, activityId);
        if (!binding.hasErrors()) {
            try {
                commands.sendAndAwait(form.toCommand(volunteer.volunteerId(), activity), volunteer.volunteerId());
                redirect.addFlashAttribute("confirmation", messages.getMessage("ui.activity.corrected",
                        new Object[]{displayName(volunteer, locale)}, locale));
                return "redirect:/ehrenamtliche/" + volunteer.volunteerId();
            } catch (RuntimeException e) {
                Map<String, String> fields = new HashMap<>(VolunteerPages.ACTIVITY_FIELDS);
                fields.put("reason", "reason");
                if (!FormErrors.reject(binding, e, fields, messages, locale)) {
                    throw e;
                }
            }
        }
        model.addAttribute("formHasErrors", true);
        return correctionPage(volunteer, activity, model);
    }

    private String correctionPage(VolunteerView volunteer, ActivityView activity, Model model) {
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("activity", activity);
        model.addAttribute("categories", Choices.categories());
        model.addAttribute("today", today.date());
        model.addAttribute("fieldOrder", CORRECTION_ORDER);
        model.addAttribute("nav", "volunteers");
        return "coordinator/activity-correction";
    }

    @GetMapping("/ehrenamtliche/{volunteerId}/einsaetze/{activityId}/ruecknahme")
    public String withdrawalForm(@PathVariable String volunteerId, @PathVariable String activityId, Model model) {
        VolunteerView volunteer = volunteer(volunteerId);
        model.addAttribute("form", new WithdrawalForm());
        return withdrawalPage(volunteer, activity(volunteer, activityId), model);
    }

    @PostMapping("/ehrenamtliche/{volunteerId}/einsaetze/{activityId}/ruecknahme")
    public String withdraw(@PathVariable String volunteerId, @PathVariable String activityId,
                           @Valid @ModelAttribute("form") WithdrawalForm form, BindingResult binding, Model model, Locale locale,
                           RedirectAttributes redirect) {
        VolunteerView volunteer = volunteer(volunteerId);
        ActivityView activity = activity(volunteer, activityId);
        if (!binding.hasErrors()) {
            try {
                commands.sendAndAwait(new WithdrawActivityCommand(volunteer.volunteerId(), activity.activityId(), form.getReason()),
                        volunteer.volunteerId());
                redirect.addFlashAttribute("confirmation", messages.getMessage("ui.activity.withdrawn",
                        new Object[]{displayName(volunteer, locale)}, locale));
                return "redirect:/ehrenamtliche/" + volunteer.volunteerId();
            } catch (RuntimeException e) {
                if (!FormErrors.reject(binding, e, Map.of("reason", "reason"), messages, locale)) {
                    throw e;
                }
            }
        }
        model.addAttribute("formHasErrors", true);
        return withdrawalPage(volunteer, activity, model);
    }

    private String withdrawalPage(VolunteerView volunteer, ActivityView activity, Model model) {
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("activity", activity);
        model.addAttribute("fieldOrder", List.of("reason"));
        model.addAttribute("nav", "volunteers");
        return "coordinator/activity-withdrawal";
    }

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

    /** The volunteer's name; once erased, what the pages show instead ("(Daten gelöscht)"). */
    private String displayName(VolunteerView volunteer, Locale locale) {
        return volunteer.name() != null ? volunteer.name() : messages.getMessage("volunteer.erased", null, locale);
    }
}
