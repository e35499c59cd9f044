package nrw.komman.web.grant;

import nrw.komman.web.platform.page.PageController;
import jakarta.validation.Valid;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.grant.ApplyForGrantCommand;
import nrw.komman.kernel.grant.ApproveGrantCommand;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.kernel.grant.RejectGrantCommand;
import nrw.komman.kernel.grant.ReviewGrantCommand;
import nrw.komman.kernel.grant.WithdrawGrantApplicationCommand;
import nrw.komman.web.account.AccountPrincipal;
import nrw.komman.web.platform.security.CurrentActor;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import nrw.komman.web.platform.page.FormErrors;
import nrw.komman.web.platform.page.FormMoney;
import nrw.komman.web.platform.page.GermanMoney;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static java.util.Map.entry;

/**
 * Grants in the browser: the centre's applications (apply, withdraw), the grant authority's inbox and
 * review, the ministry's decisions, the grants register with filters (grant authority, ministry,
 * auditors; filters by year, status, centre, programme part and Regierungsbezirk), and every grant's
 * page: its money, the usage report, its history as a timeline and the check of its hash chain with the
 * history downloads. Every change is one command through the gateway, then post-redirect-get with a
 * confirmation; refusals stay on the form. Which buttons a page offers follows the role and the status
 * (the later steps are in {@link GrantLifecyclePages}); the command side decides.
 */
@PageController
public class GrantPages {

    static final Map<String, String> APPLY_FIELDS = Map.ofEntries(
            entry("fundingYear", "fundingYear"), entry("grant.funding-year-ended", "fundingYear"),
            entry("programmePart", "programmePart"), entry("title", "title"), entry("purpose", "purpose"),
            entry("requestedAmount", "requestedAmount"), entry("money", "requestedAmount"));
    static final List<String> APPLY_ORDER = List.of("fundingYear", "programmePart", "title", "purpose", "requestedAmount");
    static final Map<String, String> REVIEW_FIELDS = Map.ofEntries(entry("recommendation", "recommendation"), entry("note", "note"));
    static final List<String> REVIEW_ORDER = List.of("recommendation", "note");
    static final Map<String, String> DECISION_FIELDS = Map.ofEntries(
            entry("approvedAmount", "approvedAmount"), entry("money", "approvedAmount"),
            entry("grant.approved-exceeds-requested", "approvedAmount"), entry("budget.exceeded", "approvedAmount"),
            entry("budget.centre-exceeded", "approvedAmount"), entry("note", "note"), entry("reason", "note"));
    static final List<String> DECISION_ORDER = List.of("decision", "approvedAmount", "note");
    static final Map<String, String> REASON_FIELDS = Map.ofEntries(entry("reason", "reason"));
    static final List<String> REASON_ORDER = List.of("reason");

    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final Today today;
    private final MessageSource messages;
    private final ChainCheck chain;

    public GrantPages(CommandDispatcher commands, QueryDispatcher queries, Today today, MessageSource messages, ChainCheck chain) {
        this.commands = commands;
        this.queries = queries;
        this.today = today;
        this.messages = messages;
        this.chain = chain;
    }

    // ---- the centre's grants (coordinator) -------------------------------------------------------

    @GetMapping("/zentrum/zuwendungen")
    public String centreGrants(Model model) {
        CentreId centre = ownCentre();
        List<GrantView> grants = queries.list(new FindGrantsQuery(centre, null, null), GrantView.class).stream()
                .sorted(Comparator.comparingInt(GrantView::fundingYear).reversed()
                        .thenComparing(GrantView::appliedOn, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        model.addAttribute("grants", grants);
        model.addAttribute("nav", "grants");
        return "grant/centre-grants";
    }

    @GetMapping("/zentrum/zuwendungen/neu")
    public String applyForm(Model model) {
        ApplyForm form = new ApplyForm();
        form.setFundingYear(today.date().getYear());
        model.addAttribute("form", form);
        return applyPage(model);
    }

    @PostMapping("/zentrum/zuwendungen")
    public String apply(@Valid @ModelAttribute("form") ApplyForm form, BindingResult binding, Model model, Locale locale,
                        RedirectAttributes redirect) {
        Money amount = money(form.getRequestedAmount(), "requestedAmount", binding, locale);
        if (!binding.hasErrors()) {
            try {
                GrantId id = GrantId.random();
                commands.sendAndAwait(new ApplyForGrantCommand(id, ownCentre(), form.getFundingYear(), form.getProgrammePart(),
                        form.getTitle(), form.getPurpose(), amount), id);
                redirect.addFlashAttribute("confirmation", messages.getMessage("ui.grant.applied",
                        new Object[]{form.getTitle().strip()}, locale));
                return "redirect:/zuwendungen/" + id;
            } catch (RuntimeException e) {
                if (!FormErrors.reject(binding, e, APPLY_FIELDS, messages, locale)) {
                    throw e;
                }
            }
        }
        model.addAttribute("formHasErrors", true);
        return applyPage(model);
    }

    private String applyPage(Model model) {
        model.addAttribute("parts", ProgrammePart.values());
        model.addAttribute("fieldOrder", APPLY_ORDER);
        model.addAttribute("nav", "apply");
        return "grant/apply";
    }

    @GetMapping("/zuwendungen/{grantId}/ruecknahme")
    public String withdrawForm(@PathVariable String grantId, Model model) {
        model.addAttribute("form", new ReasonForm());
        return withdrawPage(find(grantId), model);
    }

    @PostMapping("/zuwendungen/{grantId}/ruecknahme")
    public String withdraw(@PathVariable String grantId, @Valid @ModelAttribute("form") ReasonForm form, BindingResult binding,
                           Model model, Locale locale, RedirectAttributes redirect) {
        GrantView grant = find(grantId);
        if (!binding.hasErrors()) {
            try {
                commands.sendAndAwait(new WithdrawGrantApplicationCommand(grant.grantId(), form.getReason()), grant.grantId());
                redirect.addFlashAttribute("confirmation", messages.getMessage("ui.grant.withdrawn",
                        new Object[]{grant.title()}, locale));
                return "redirect:/zuwendungen/" + grant.grantId();
            } catch (RuntimeException e) {
                if (!FormErrors.reject(binding, e, REASON_FIELDS, messages, locale)) {
                    throw e;
                }
            }
        }
        model.addAttribute("formHasErrors", true);
        return withdrawPage(grant, model);
    }

    private String withdrawPage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("fieldOrder", REASON_ORDER);
        model.addAttribute("nav", "grants");
        return "grant/withdraw";
    }

    // ---- the grant authority ---------------------------------------------------------------------

    @GetMapping("/pruefung")
    public String inbox(Model model) {
        model.addAttribute("grants", queries.list(new FindGrantsQuery(null, null, GrantStatus.APPLIED), GrantView.class));
        model.addAttribute("nav", "inbox");
        return "grant/inbox";
    }

    @GetMapping("/zuwendungen/{grantId}/pruefung")
    public String reviewForm(@PathVariable String grantId, Model model) {
        model.addAttribute("form", new ReviewForm());
        return reviewPage(find(grantId), model);
    }

    @PostMapping("/zuwendungen/{grantId}/pruefung")
    public String review(@PathVariable String grantId, @Valid @ModelAttribute("form") ReviewForm form, BindingResult binding,
                         Model model, Locale locale, RedirectAttributes redirect) {
        GrantView grant = find(grantId);
        if (!binding.hasErrors()) {
            try {
                commands.sendAndAwait(new ReviewGrantCommand(grant.grantId(), form.getRecommendation(), form.getNote()),
                        grant.grantId());
                redirect.addFlashAttribute("confirmation", messages.getMessage("ui.grant.reviewed",
                        new Object[]{grant.title(), grant.centreName()}, locale));
                return "redirect:/pruefung";
            } catch (RuntimeException e) {
                if (!FormErrors.reject(binding, e, REVIEW_FIELDS, messages, locale)) {
                    throw e;
                }
            }
        }
        model.addAttribute("formHasErrors", true);
        return reviewPage(grant, model);
    }

    private String reviewPage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("recommendations", Recommendation.values());
        model.addAttribute("fieldOrder", REVIEW_ORDER);
        model.addAttribute("nav", "inbox");
        return "grant/review";
    }

    // ---- the ministry's decisions ----------------------------------------------------------------

    @GetMapping("/entscheidungen")
    public String decisions(Model model) {
        model.addAttribute("grants", queries.list(new FindGrantsQuery(null, null, GrantStatus.REVIEWED), GrantView.class));
        model.addAttribute("nav", "decisions");
        return "grant/decisions";
    }

    @GetMapping("/zuwendungen/{grantId}/entscheidung")
    public String decisionForm(@PathVariable String grantId, Model model) {
        GrantView grant = find(grantId);
        DecisionForm form = new DecisionForm();
        form.setApprovedAmount(GermanMoney.format(grant.requestedAmount()));
        model.addAttribute("form", form);
        return decisionPage(grant, model);
    }

    @PostMapping("/zuwendungen/{grantId}/entscheidung")
    public String decide(@PathVariable String grantId, @Valid @ModelAttribute("form") DecisionForm form, BindingResult binding,
                         Model model, Locale locale, RedirectAttributes redirect) {
        GrantView grant = find(grantId);
        Money amount = null;
        if (form.getDecision() == DecisionForm.Decision.APPROVE) {
            amount = money(form.getApprovedAmount(), "approvedAmount", binding, locale);
        } else if (form.getDecision() == DecisionForm.Decision.REJECT
                && (form.getNote() == null || form.getNote().isBlank()) && binding.getFieldErrorCount("note") == 0) {
            binding.rejectValue("note", "ui.grant.rejectReason.required",
                    messages.getMessage("ui.grant.rejectReason.required", null, locale));
        }
        if (!binding.hasErrors()) {
            try {
                boolean approve = form.getDecision() == DecisionForm.Decision.APPROVE;
                commands.sendAndAwait(approve
                        ? new ApproveGrantCommand(grant.grantId(), amount, form.getNote())
                        : new RejectGrantCommand(grant.grantId(), form.getNote()), grant.grantId());
                redirect.addFlashAttribute("confirmation", approve
                        ? messages.getMessage("ui.grant.approved", new Object[]{grant.title(), grant.centreName(),
                        GermanMoney.format(amount) + "\u00A0€"}, locale)
                        : messages.getMessage("ui.grant.rejected", new Object[]{grant.title(), grant.centreName()}, locale));
                return "redirect:/zuwendungen/" + grant.grantId();
            } catch (RuntimeException e) {
                if (!FormErrors.reject(binding, e, DECISION_FIELDS, Set.of("grant.four-eyes"), messages, locale)) {
                    throw e;
                }
            }
        }
        model.addAttribute("formHasErrors", true);
        return decisionPage(grant, model);
    }

    private String decisionPage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("fieldOrder", DECISION_ORDER);
        model.addAttribute("nav", "decisions");
        return "grant/decision";
    }

    // ---- the register and one grant --------------------------------------------------------------

    @GetMapping("/zuwendungen")
    public String register(@RequestParam(name = "jahr", required = false) Integer year,
                           @RequestParam(name = "status", required = false) GrantStatus status,
                           @RequestParam(name = "zentrum", required = false) String centre,
                           @RequestParam(name = "teil", required = false) ProgrammePart part,
                           @RequestParam(name = "bezirk", required = false) Regierungsbezirk region,
                           Model model) {
        CentreId centreId = Ids.optional("zentrum", centre, CentreId::new);
        List<GrantView> grants = queries.list(new FindGrantsQuery(centreId, year, status, part, region), GrantView.class);
        model.addAttribute("grants", grants);
        model.addAttribute("year", year);
        model.addAttribute("status", status);
        model.addAttribute("centre", centreId == null ? null : centreId.value());
        model.addAttribute("part", part);
        model.addAttribute("region", region);
        model.addAttribute("filtered", year != null || status != null || centreId != null || part != null || region != null);
        model.addAttribute("parts", ProgrammePart.values());
        model.addAttribute("regions", Regierungsbezirk.values());
        model.addAttribute("years", IntStream.rangeClosed(nrw.komman.kernel.grant.FundingYear.FIRST, today.date().getYear() + 1)
                .boxed().sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("statuses", GrantStatus.values());
        model.addAttribute("centres", queries.list(new FindCentresQuery(), CentreView.class));
        model.addAttribute("nav", "register");
        return "grant/register";
    }

    @GetMapping("/zuwendungen/{grantId}")
    public String grant(@PathVariable String grantId, Model model) {
        GrantView grant = find(grantId);
        GrantHistory history = GrantReads.history(queries, grant.grantId());
        AccountRole role = CurrentActor.principal().map(AccountPrincipal::role).orElse(null);
        GrantStatus status = grant.status();
        model.addAttribute("grant", grant);
        model.addAttribute("history", history.entries());
        model.addAttribute("canWithdraw", role == AccountRole.COORDINATOR
                && (status == GrantStatus.APPLIED || status == GrantStatus.REVIEWED));
        model.addAttribute("canReview", role == AccountRole.GRANT_OFFICER && status == GrantStatus.APPLIED);
        model.addAttribute("canDecide", role == AccountRole.MINISTRY && status == GrantStatus.REVIEWED);
        model.addAttribute("canRequestFunds", role == AccountRole.COORDINATOR && status == GrantStatus.APPROVED);
        model.addAttribute("canReport", role == AccountRole.COORDINATOR && status == GrantStatus.APPROVED);
        model.addAttribute("canDisburse", role == AccountRole.GRANT_OFFICER && status == GrantStatus.APPROVED);
        model.addAttribute("canClose", role == AccountRole.GRANT_OFFICER && status == GrantStatus.USAGE_REPORTED);
        model.addAttribute("canRecordRepayment", role == AccountRole.GRANT_OFFICER && status == GrantStatus.CLOSED
                && !grant.repaymentOutstanding().isZero());
        model.addAttribute("canAmend", role == AccountRole.MINISTRY && status == GrantStatus.APPROVED);
        model.addAttribute("chain", chain.verify(grant.grantId()));
        model.addAttribute("nav", role == AccountRole.COORDINATOR ? "grants" : "register");
        return "grant/grant";
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The grant as the read model knows it; the query side refuses another centre's to a coordinator (403). */
    private GrantView find(String grantId) {
        return GrantReads.find(queries, grantId);
    }

    private static CentreId ownCentre() {
        return CurrentActor.principal().map(AccountPrincipal::centreId)
                .orElseThrow(() -> new AccessDeniedException("only coordinators have a centre"));
    }

    /** The typed amount, or null with the reason next to the field. */
    private Money money(String text, String field, BindingResult binding, Locale locale) {
        return FormMoney.parse(text, field, binding, messages, locale);
    }
}
