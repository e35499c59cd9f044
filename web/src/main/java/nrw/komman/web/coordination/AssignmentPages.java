package nrw.komman.web.coordination;

import jakarta.validation.Valid;
import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.AssignmentStatus;
import nrw.komman.kernel.coordination.AssignmentView;
import nrw.komman.kernel.coordination.CancelAssignmentCommand;
import nrw.komman.kernel.coordination.ConfirmAssignmentCommand;
import nrw.komman.kernel.coordination.DeclineAssignmentCommand;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.HelpRequestView;
import nrw.komman.kernel.coordination.MatchVolunteersQuery;
import nrw.komman.kernel.coordination.RecordAssignmentTookPlaceCommand;
import nrw.komman.kernel.coordination.RecordNoShowCommand;
import nrw.komman.kernel.coordination.ReplaceAssignmentCommand;
import nrw.komman.kernel.coordination.VolunteerMatches;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.platform.page.UiAccess;
import nrw.komman.web.platform.problem.InvalidFieldException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One assignment's actions on the request's page: the volunteer's yes or no recorded on their behalf (they told the
 * coordinator), cancelling (its own page with a reason, ADR 31), replacing by another matching volunteer, and for a
 * confirmed one, per past day, that it took place (an activity, the request's minutes proposed) or nobody came.
 * A refusal (booked meanwhile, request staffed, in the past) is said on the request's page; nothing changes.
 */
@PageController
class AssignmentPages {

    private static final String BASE = "/zentrum/anfragen/{requestId}/einsaetze/{assignmentId}";

    private final FormPage forms;
    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final Today today;

    AssignmentPages(FormPage forms, CommandDispatcher commands, QueryDispatcher queries, Today today) {
        this.forms = forms;
        this.commands = commands;
        this.queries = queries;
        this.today = today;
    }

    @PostMapping(BASE + "/zusage")
    String confirm(@PathVariable String requestId, @PathVariable String assignmentId, Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.MANAGE_HELP_REQUESTS);
        HelpRequestId id = Ids.helpRequest("requestId", requestId);
        AssignmentId assignment = Ids.assignment("assignmentId", assignmentId);
        return forms.press(() -> commands.sendAndAwait(new ConfirmAssignmentCommand(id, assignment), id), redirect, locale,
                () -> forms.text("ui.assignment.confirmed", locale), back(id));
    }

    @PostMapping(BASE + "/absage")
    String decline(@PathVariable String requestId, @PathVariable String assignmentId, Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.MANAGE_HELP_REQUESTS);
        HelpRequestId id = Ids.helpRequest("requestId", requestId);
        AssignmentId assignment = Ids.assignment("assignmentId", assignmentId);
        return forms.press(() -> commands.sendAndAwait(new DeclineAssignmentCommand(id, assignment, null), id), redirect, locale,
                () -> forms.text("ui.assignment.declined", locale), back(id));
    }

    // ---- cancelling ------------------------------------------------------------------------------

    @GetMapping(BASE + "/stornierung")
    String cancelPage(@PathVariable String requestId, @PathVariable String assignmentId, Model model, Locale locale,
                      RedirectAttributes redirect) {
        UiAccess.require(Action.MANAGE_HELP_REQUESTS);
        HelpRequestView request = request(requestId);
        AssignmentView assignment = assignment(request, assignmentId);
        if (!assignment.status().live()) {
            redirect.addFlashAttribute("refusal", forms.text("ui.assignment.not-live", locale));
            return "redirect:" + back(request.summary().requestId());
        }
        model.addAttribute("form", new CoordinationReasonForm());
        return cancelPage(request, assignment, model);
    }

    @PostMapping(BASE + "/stornierung")
    String cancel(@PathVariable String requestId, @PathVariable String assignmentId,
                  @Valid @ModelAttribute("form") CoordinationReasonForm form, BindingResult binding, Model model, Locale locale,
                  RedirectAttributes redirect) {
        UiAccess.require(Action.MANAGE_HELP_REQUESTS);
        HelpRequestView request = request(requestId);
        AssignmentView assignment = assignment(request, assignmentId);
        HelpRequestId id = request.summary().requestId();
        return forms.post(binding, model, locale, Map.of("reason", "reason", "assignment.cancel", "reason"))
                .alsoCheck(() -> {
                    // after a confirmation the reason is kept with the cancellation (the command side checks it too)
                    if (assignment.status() == AssignmentStatus.CONFIRMED) {
                        form.requireReason("assignment.cancel.reason-missing");
                    }
                })
                .send(() -> new CancelAssignmentCommand(id, assignment.assignmentId(), form.getReason()), id)
                .confirm(redirect, "ui.assignment.cancelled")
                .redirectTo(back(id))
                .orShowAgain(() -> cancelPage(request, assignment, model));
    }

    private String cancelPage(HelpRequestView request, AssignmentView assignment, Model model) {
        model.addAttribute("request", request);
        model.addAttribute("assignment", assignment);
        model.addAttribute("fieldOrder", List.of("reason"));
        model.addAttribute("nav", "help-requests");
        return "coordination/assignment-cancel";
    }

    // ---- replacing -------------------------------------------------------------------------------

    @GetMapping(BASE + "/ersetzen")
    String replacePage(@PathVariable String requestId, @PathVariable String assignmentId, Model model) {
        UiAccess.require(Action.MANAGE_HELP_REQUESTS);
        HelpRequestView request = request(requestId);
        AssignmentView assignment = assignment(request, assignmentId);
        model.addAttribute("form", new ReplacementForm());
        return replacePage(request, assignment, model);
    }

    @PostMapping(BASE + "/ersetzen")
    String replace(@PathVariable String requestId, @PathVariable String assignmentId,
                   @Valid @ModelAttribute("form") ReplacementForm form, BindingResult binding, Model model, Locale locale,
                   RedirectAttributes redirect) {
        UiAccess.require(Action.MANAGE_HELP_REQUESTS);
        HelpRequestView request = request(requestId);
        AssignmentView assignment = assignment(request, assignmentId);
        HelpRequestId id = request.summary().requestId();
        return forms.post(binding, model, locale, Map.of("reason", "reason", "replacement", "volunteerId",
                        "volunteer.id", "volunteerId", "assignment.cancel", "reason"))
                .alsoCheck(() -> {
                    if (form.getVolunteerId() == null || form.getVolunteerId().isBlank()) {
                        throw new InvalidFieldException("volunteerId", "replacement.missing",
                                "Bitte wählen Sie aus, wer einspringt.");
                    }
                }, () -> {
                    if (assignment.status() == AssignmentStatus.CONFIRMED) {
                        form.requireReason("assignment.cancel.reason-missing");
                    }
                })
                .send(() -> new ReplaceAssignmentCommand(id, assignment.assignmentId(), AssignmentId.random(),
                        Ids.volunteer("volunteerId", form.getVolunteerId()), form.getReason()), id)
                .confirm(redirect, "ui.assignment.replaced")
                .redirectTo(back(id))
                .orShowAgain(() -> replacePage(request, assignment, model));
    }

    private String replacePage(HelpRequestView request, AssignmentView assignment, Model model) {
        VolunteerMatches matches = queries.optional(new MatchVolunteersQuery(request.summary().requestId(),
                HelpRequestPages.MATCHES), VolunteerMatches.class).orElse(null);
        model.addAttribute("request", request);
        model.addAttribute("assignment", assignment);
        model.addAttribute("matches", matches == null ? List.of() : matches.matches().stream()
                .filter(m -> !m.volunteerId().equals(assignment.volunteerId())).toList());
        model.addAttribute("fieldOrder", List.of("volunteerId", "reason"));
        model.addAttribute("nav", "help-requests");
        return "coordination/assignment-replace";
    }

    // ---- what became of it -----------------------------------------------------------------------

    @GetMapping(BASE + "/stattgefunden")
    String tookPlacePage(@PathVariable String requestId, @PathVariable String assignmentId,
                         @RequestParam("tag") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        UiAccess.require(Action.MANAGE_HELP_REQUESTS);
        HelpRequestView request = request(requestId);
        AssignmentView assignment = assignment(request, assignmentId);
        model.addAttribute("form", TookPlaceForm.of(request.summary().minutes()));
        return tookPlacePage(request, assignment, day, model);
    }

    @PostMapping(BASE + "/stattgefunden")
    String tookPlace(@PathVariable String requestId, @PathVariable String assignmentId,
                     @RequestParam("tag") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                     @Valid @ModelAttribute("form") TookPlaceForm form, BindingResult binding, Model model, Locale locale,
                     RedirectAttributes redirect) {
        UiAccess.require(Action.MANAGE_HELP_REQUESTS);
        HelpRequestView request = request(requestId);
        AssignmentView assignment = assignment(request, assignmentId);
        HelpRequestId id = request.summary().requestId();
        return forms.post(binding, model, locale, Map.of("activity.duration", "hours", "activity", "hours"))
                .alsoCheck(() -> {
                    if (!binding.hasFieldErrors("hours") && !binding.hasFieldErrors("minutes")) {
                        form.totalMinutes();
                    }
                })
                .send(() -> new RecordAssignmentTookPlaceCommand(id, assignment.assignmentId(), day, form.totalMinutes(),
                        ActivityId.random()), id)
                .confirm(redirect, "ui.assignment.took-place")
                .redirectTo(back(id))
                .orShowAgain(() -> tookPlacePage(request, assignment, day, model));
    }

    private String tookPlacePage(HelpRequestView request, AssignmentView assignment, LocalDate day, Model model) {
        model.addAttribute("request", request);
        model.addAttribute("assignment", assignment);
        model.addAttribute("day", day);
        model.addAttribute("fieldOrder", List.of("hours", "minutes"));
        model.addAttribute("nav", "help-requests");
        return "coordination/assignment-took-place";
    }

    @PostMapping(BASE + "/nicht-erschienen")
    String noShow(@PathVariable String requestId, @PathVariable String assignmentId,
                  @RequestParam("tag") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                  Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.MANAGE_HELP_REQUESTS);
        HelpRequestId id = Ids.helpRequest("requestId", requestId);
        AssignmentId assignment = Ids.assignment("assignmentId", assignmentId);
        return forms.press(() -> commands.sendAndAwait(new RecordNoShowCommand(id, assignment, day), id), redirect, locale,
                () -> forms.text("ui.assignment.no-show", locale), back(id));
    }

    // ---- reads -----------------------------------------------------------------------------------

    private HelpRequestView request(String requestId) {
        return HelpRequestController.find(queries, Ids.helpRequest("requestId", requestId));
    }

    private static AssignmentView assignment(HelpRequestView request, String assignmentId) {
        AssignmentId wanted = Ids.assignment("assignmentId", assignmentId);
        return request.assignments().stream().filter(a -> a.assignmentId().equals(wanted)).findFirst()
                .orElseThrow(() -> new NotFoundException("assignment.not-found", "Diesen Einsatz gibt es nicht."));
    }

    private static String back(HelpRequestId id) {
        return "/zentrum/anfragen/" + id;
    }
}
