package nrw.komman.web.grant;

import nrw.komman.kernel.access.Action;
import jakarta.validation.Valid;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.AmendGrantCommand;
import nrw.komman.kernel.grant.ApproveGrantCommand;
import nrw.komman.kernel.grant.ApproveGrantRaiseCommand;
import nrw.komman.kernel.grant.FetchProgrammeDatesQuery;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.ProgrammeDates;
import nrw.komman.kernel.grant.ProgrammeDatesOverview;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.kernel.grant.RejectGrantCommand;
import nrw.komman.kernel.grant.ReviewGrantCommand;
import nrw.komman.kernel.grant.WithdrawGrantRaiseCommand;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.page.FormMoney;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.page.Formats;
import nrw.komman.web.platform.page.GermanMoney;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.platform.page.UiAccess;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/**
 * The review and the decisions in the browser: the grant authority's inbox and review, the ministry's
 * decisions (approve with an amount, or reject with a reason; the four-eyes refusal stays on the form) and
 * its amendment of an approved grant and the second look at a proposed raise (ADR 26). Every change is one command, then post-redirect-get with a confirmation.
 */
@PageController
class GrantDecisionPages {

    static final Map<String, String> REVIEW_FIELDS = Map.ofEntries(entry("recommendation", "recommendation"), entry("note", "note"));
    static final List<String> REVIEW_ORDER = List.of("recommendation", "note");
    static final Map<String, String> DECISION_FIELDS = Map.ofEntries(
            entry("approvedAmount", "approvedAmount"), entry("money", "approvedAmount"),
            entry("grant.approved-exceeds-requested", "approvedAmount"), entry("budget.exceeded", "approvedAmount"),
            entry("budget.centre-exceeded", "approvedAmount"), entry("note", "note"), entry("reason", "note"),
            entry("usageReportDue", "usageReportDue"), entry("grant.usage-report-due", "usageReportDue"));
    static final List<String> DECISION_ORDER = List.of("decision", "approvedAmount", "usageReportDue", "note");
    static final Map<String, String> AMENDMENT_FIELDS = Map.ofEntries(
            entry("approvedAmount", "approvedAmount"), entry("money", "approvedAmount"),
            entry("grant.approved-exceeds-requested", "approvedAmount"), entry("grant.amendment-below-disbursed", "approvedAmount"),
            entry("grant.amendment-unchanged", "approvedAmount"), entry("budget.exceeded", "approvedAmount"),
            entry("budget.centre-exceeded", "approvedAmount"), entry("grant.raise-pending", "approvedAmount"),
            entry("centre.closed", "approvedAmount"), entry("reason", "reason"));
    static final List<String> AMENDMENT_ORDER = List.of("approvedAmount", "reason");
    static final Map<String, String> RAISE_FIELDS = Map.ofEntries(entry("reason", "reason"));
    static final List<String> RAISE_ORDER = List.of("proposedAmount", "reason");

    private final FormPage forms;
    private final QueryDispatcher queries;
    private final MessageSource messages;
    private final Formats fmt;

    GrantDecisionPages(FormPage forms, QueryDispatcher queries, MessageSource messages, Formats fmt) {
        this.forms = forms;
        this.queries = queries;
        this.messages = messages;
        this.fmt = fmt;
    }

    /** Overdue items first (issue 19), otherwise in the register's order (the sort is stable). */
    static List<GrantView> overdueFirst(List<GrantView> grants) {
        return grants.stream().sorted(Comparator.comparing(g -> !g.overdue())).toList();
    }

    // ---- the grant authority's review -----------------------------------------------------------

    @GetMapping("/pruefung")
    String inbox(Model model) {
        model.addAttribute("grants", overdueFirst(queries.list(new FindGrantsQuery(null, null, GrantStatus.APPLIED), GrantView.class)));
        model.addAttribute("nav", "inbox");
        return "grant/inbox";
    }

    @GetMapping("/zuwendungen/{grantId}/pruefung")
    String reviewForm(@PathVariable String grantId, Model model) {
        model.addAttribute("form", new ReviewForm());
        return reviewPage(GrantReads.find(queries, grantId), model);
    }

    @PostMapping("/zuwendungen/{grantId}/pruefung")
    String review(@PathVariable String grantId, @Valid @ModelAttribute("form") ReviewForm form, BindingResult binding,
                  Model model, Locale locale, RedirectAttributes redirect) {
        GrantView grant = GrantReads.find(queries, grantId);
        return forms.post(binding, model, locale, REVIEW_FIELDS)
                .send(() -> new ReviewGrantCommand(grant.grantId(), form.getRecommendation(), form.getNote()), grant.grantId())
                .confirm(redirect, "ui.grant.reviewed", () -> new Object[]{grant.title(), grant.centreName()})
                .redirectTo("/pruefung")
                .orShowAgain(() -> reviewPage(grant, model));
    }

    private String reviewPage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("recommendations", Recommendation.values());
        model.addAttribute("fieldOrder", REVIEW_ORDER);
        model.addAttribute("nav", "inbox");
        return "grant/review";
    }

    // ---- the ministry's decisions ---------------------------------------------------------------

    @GetMapping("/entscheidungen")
    String decisions(Model model) {
        model.addAttribute("grants", overdueFirst(queries.list(new FindGrantsQuery(null, null, GrantStatus.REVIEWED), GrantView.class)));
        model.addAttribute("nav", "decisions");
        return "grant/decisions";
    }

    @GetMapping("/zuwendungen/{grantId}/entscheidung")
    String decisionForm(@PathVariable String grantId, Model model) {
        GrantView grant = GrantReads.find(queries, grantId);
        DecisionForm form = new DecisionForm();
        form.setApprovedAmount(GermanMoney.format(grant.requestedAmount()));
        form.setUsageReportDue(defaultUsageReportDue(grant));
        model.addAttribute("form", form);
        return decisionPage(grant, model);
    }

    @PostMapping("/zuwendungen/{grantId}/entscheidung")
    String decide(@PathVariable String grantId, @Valid @ModelAttribute("form") DecisionForm form, BindingResult binding,
                  Model model, Locale locale, RedirectAttributes redirect) {
        GrantView grant = GrantReads.find(queries, grantId);
        boolean approve = form.getDecision() == DecisionForm.Decision.APPROVE;
        Money amount = approve ? FormMoney.parse(form.getApprovedAmount(), "approvedAmount", binding, messages, locale) : null;
        if (form.getDecision() == DecisionForm.Decision.REJECT
                && (form.getNote() == null || form.getNote().isBlank()) && binding.getFieldErrorCount("note") == 0) {
            binding.rejectValue("note", "ui.grant.rejectReason.required",
                    messages.getMessage("ui.grant.rejectReason.required", null, locale));
        }
        LocalDate due = form.getUsageReportDue();
        if (approve && due != null && !due.isAfter(LocalDate.of(grant.fundingYear(), 12, 31))
                && binding.getFieldErrorCount("usageReportDue") == 0) {
            // the same rule as the command side's, next to the field before anything is sent
            Object[] year = {String.valueOf(grant.fundingYear())};
            binding.rejectValue("usageReportDue", "ui.grant.usageReportDue.after-year", year,
                    messages.getMessage("ui.grant.usageReportDue.after-year", year, locale));
        }
        FormPage.Submission submission = forms.post(binding, model, locale, DECISION_FIELDS)
                .keepingOnForm(Set.of("grant.four-eyes"));
        // the prefilled default is the programme part's, not a choice: sent as none, so that the command side takes the
        // part's default (also when that day has passed, as for a late approval, where a chosen day would be refused)
        LocalDate chosenDue = due != null && due.equals(defaultUsageReportDue(grant)) ? null : due;
        if (approve) {
            submission.send(() -> new ApproveGrantCommand(grant.grantId(), amount, form.getNote(), chosenDue), grant.grantId())
                    .confirm(redirect, "ui.grant.approved", () -> new Object[]{grant.title(), grant.centreName(),
                            GermanMoney.format(amount) + "\u00A0€"});
        } else {
            submission.send(() -> new RejectGrantCommand(grant.grantId(), form.getNote()), grant.grantId())
                    .confirm(redirect, "ui.grant.rejected", () -> new Object[]{grant.title(), grant.centreName()});
        }
        return submission.redirectTo("/zuwendungen/" + grant.grantId())
                .orShowAgain(() -> decisionPage(grant, model));
    }

    /** The day the programme part's dates give for the usage report of this grant's funding year. */
    private LocalDate defaultUsageReportDue(GrantView grant) {
        return queries.optional(new FetchProgrammeDatesQuery(), ProgrammeDatesOverview.class)
                .flatMap(o -> o.parts().stream().map(ProgrammeDatesOverview.Row::dates)
                        .filter(d -> d.part() == grant.programmePart()).findFirst())
                .orElse(ProgrammeDates.defaults(grant.programmePart()))
                .usageReportDue(grant.fundingYear());
    }

    private String decisionPage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("defaultUsageReportDue", defaultUsageReportDue(grant));
        model.addAttribute("fieldOrder", DECISION_ORDER);
        model.addAttribute("nav", "decisions");
        return "grant/decision";
    }

    // ---- the ministry's Änderungsbescheid -------------------------------------------------------

    @GetMapping("/zuwendungen/{grantId}/aenderung")
    String amendmentForm(@PathVariable String grantId, Model model) {
        UiAccess.require(Action.AMEND_GRANT);
        GrantView grant = GrantReads.find(queries, grantId);
        AmendmentForm form = new AmendmentForm();
        form.setApprovedAmount(GermanMoney.format(grant.approvedAmount()));
        model.addAttribute("form", form);
        return amendmentPage(grant, model);
    }

    @PostMapping("/zuwendungen/{grantId}/aenderung")
    String amend(@PathVariable String grantId, @Valid @ModelAttribute("form") AmendmentForm form, BindingResult binding,
                 Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.AMEND_GRANT);
        GrantView grant = GrantReads.find(queries, grantId);
        Money amount = FormMoney.parse(form.getApprovedAmount(), "approvedAmount", binding, messages, locale);
        return forms.post(binding, model, locale, AMENDMENT_FIELDS)
                .send(() -> new AmendGrantCommand(grant.grantId(), amount, form.getReason()), grant.grantId())
                // a raise is only proposed: a second ministry account approves it (ADR 26)
                .confirm(redirect, amount != null && amount.isGreaterThan(grant.approvedAmount())
                                ? "ui.grant.raise-proposed" : "ui.grant.amended",
                        () -> new Object[]{grant.title(), grant.centreName(), fmt.euro(amount)})
                .redirectTo("/zuwendungen/" + grant.grantId())
                .orShowAgain(() -> amendmentPage(grant, model));
    }

    private String amendmentPage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("fieldOrder", AMENDMENT_ORDER);
        model.addAttribute("nav", "register");
        return "grant/amend";
    }

    // ---- the second look at a raise (ADR 26) ---------------------------------------------------

    @GetMapping("/zuwendungen/{grantId}/erhoehung")
    String raiseForm(@PathVariable String grantId, Model model) {
        UiAccess.require(Action.AMEND_GRANT);
        GrantView grant = GrantReads.find(queries, grantId);
        RaiseDecisionForm form = new RaiseDecisionForm();
        form.setProposedAmount(grant.pendingRaise() == null ? null : GermanMoney.format(grant.pendingRaise()));
        model.addAttribute("form", form);
        return raisePage(grant, model);
    }

    @PostMapping("/zuwendungen/{grantId}/erhoehung/bestaetigung")
    String approveRaise(@PathVariable String grantId, @ModelAttribute("form") RaiseDecisionForm form, BindingResult binding,
                        Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.APPROVE_GRANT_RAISE);
        GrantView grant = GrantReads.find(queries, grantId);
        Money amount = FormMoney.parse(form.getProposedAmount(), "proposedAmount", binding, messages, locale);
        return forms.post(binding, model, locale, RAISE_FIELDS)
                .keepingOnForm(Set.of("grant.four-eyes", "grant.four-eyes.unverifiable"))
                .send(() -> new ApproveGrantRaiseCommand(grant.grantId(), amount), grant.grantId())
                .confirm(redirect, "ui.grant.raise-approved", () -> new Object[]{grant.title(), grant.centreName(), fmt.euro(amount)})
                .redirectTo("/zuwendungen/" + grant.grantId())
                .orShowAgain(() -> raisePage(grant, model));
    }

    @PostMapping("/zuwendungen/{grantId}/erhoehung/ruecknahme")
    String withdrawRaise(@PathVariable String grantId, @ModelAttribute("form") RaiseDecisionForm form, BindingResult binding,
                         Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.AMEND_GRANT);
        GrantView grant = GrantReads.find(queries, grantId);
        if (form.getReason() == null || form.getReason().isBlank()) {
            binding.rejectValue("reason", "ui.grant.reason.required",
                    messages.getMessage("ui.grant.reason.required", null, locale));
        }
        return forms.post(binding, model, locale, RAISE_FIELDS)
                .send(() -> new WithdrawGrantRaiseCommand(grant.grantId(), form.getReason()), grant.grantId())
                .confirm(redirect, "ui.grant.raise-withdrawn", () -> new Object[]{grant.title(), grant.centreName()})
                .redirectTo("/zuwendungen/" + grant.grantId())
                .orShowAgain(() -> raisePage(grant, model));
    }

    private String raisePage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("fieldOrder", RAISE_ORDER);
        model.addAttribute("canApproveRaise", UiAccess.allows(Action.APPROVE_GRANT_RAISE));
        model.addAttribute("nav", "register");
        return "grant/raise";
    }
}
