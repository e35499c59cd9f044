package nrw.komman.web.grant;

import nrw.komman.web.platform.page.PageController;
import jakarta.validation.Valid;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.grant.AmendGrantCommand;
import nrw.komman.kernel.grant.CloseGrantCommand;
import nrw.komman.kernel.grant.DisburseTrancheCommand;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.RecordRepaymentCommand;
import nrw.komman.kernel.grant.RequestFundsCommand;
import nrw.komman.kernel.grant.SubmitUsageReportCommand;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import nrw.komman.web.platform.page.FormErrors;
import nrw.komman.web.platform.page.FormMoney;
import nrw.komman.web.platform.page.Formats;
import nrw.komman.web.platform.page.GermanMoney;
import nrw.komman.web.platform.page.UiAccess;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import static java.util.Map.entry;

/**
 * A grant's life after the approval, in the browser: the centre draws funds and submits the usage
 * report (after a confirmation, it can be submitted only once); the grant authority records
 * disbursements, checks the usage report and closes the grant (the page shows the repayment demand
 * that follows), records repayments, and has a worklist of what waits for it; the ministry amends an
 * approved grant. Every change is one command through the gateway, then post-redirect-get with a
 * confirmation; what the command side refuses (amounts, dates, status) stays on the form next to the
 * field it concerns. Only the input's format is checked here.
 */
@PageController
public class GrantLifecyclePages {

    static final Map<String, String> FUNDS_FIELDS = Map.ofEntries(
            entry("amount", "amount"), entry("money", "amount"), entry("grant.request-exceeds-available", "amount"),
            entry("purpose", "purpose"));
    static final List<String> FUNDS_ORDER = List.of("amount", "purpose");
    static final Map<String, String> REPORT_FIELDS = Map.ofEntries(
            entry("amountSpent", "amountSpent"), entry("money", "amountSpent"), entry("grant.spent-exceeds-disbursed", "amountSpent"),
            entry("report", "report"), entry("volunteersReached", "volunteersReached"));
    static final List<String> REPORT_ORDER = List.of("amountSpent", "report", "volunteersReached");
    static final Map<String, String> DISBURSEMENT_FIELDS = Map.ofEntries(
            entry("amount", "amount"), entry("money", "amount"), entry("grant.disbursement-exceeds-approved", "amount"),
            entry("disbursedOn", "disbursedOn"), entry("grant.disbursement", "disbursedOn"));
    static final List<String> DISBURSEMENT_ORDER = List.of("amount", "disbursedOn");
    static final Map<String, String> CLOSING_FIELDS = Map.ofEntries(entry("checkNote", "checkNote"));
    static final List<String> CLOSING_ORDER = List.of("checkNote");
    static final Map<String, String> REPAYMENT_FIELDS = Map.ofEntries(
            entry("amount", "amount"), entry("money", "amount"), entry("grant.repayment-exceeds-outstanding", "amount"),
            entry("receivedOn", "receivedOn"), entry("grant.repayment", "receivedOn"));
    static final List<String> REPAYMENT_ORDER = List.of("amount", "receivedOn");
    static final Map<String, String> AMENDMENT_FIELDS = Map.ofEntries(
            entry("approvedAmount", "approvedAmount"), entry("money", "approvedAmount"),
            entry("grant.approved-exceeds-requested", "approvedAmount"), entry("grant.amendment-below-disbursed", "approvedAmount"),
            entry("grant.amendment-unchanged", "approvedAmount"), entry("budget.exceeded", "approvedAmount"),
            entry("budget.centre-exceeded", "approvedAmount"), entry("reason", "reason"));
    static final List<String> AMENDMENT_ORDER = List.of("approvedAmount", "reason");

    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final Today today;
    private final MessageSource messages;
    private final Formats fmt;

    public GrantLifecyclePages(CommandDispatcher commands, QueryDispatcher queries, Today today, MessageSource messages, Formats fmt) {
        this.commands = commands;
        this.queries = queries;
        this.today = today;
        this.messages = messages;
        this.fmt = fmt;
    }

    // ---- the centre: Mittelabruf --------------------------------------------------------------------

    @GetMapping("/zentrum/zuwendungen/{grantId}/mittelabruf")
    public String fundsForm(@PathVariable String grantId, Model model) {
        UiAccess.requireRole(AccountRole.COORDINATOR);
        model.addAttribute("form", new FundsRequestForm());
        return fundsPage(GrantReads.find(queries, grantId), model);
    }

    @PostMapping("/zentrum/zuwendungen/{grantId}/mittelabruf")
    public String requestFunds(@PathVariable String grantId, @Valid @ModelAttribute("form") FundsRequestForm form,
                               BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.requireRole(AccountRole.COORDINATOR);
        GrantView grant = GrantReads.find(queries, grantId);
        Money amount = FormMoney.parse(form.getAmount(), "amount", binding, messages, locale);
        if (send(binding, FUNDS_FIELDS, locale, () -> new RequestFundsCommand(grant.grantId(), amount, form.getPurpose()), grant)) {
            redirect.addFlashAttribute("confirmation", messages.getMessage("ui.grant.funds-requested",
                    new Object[]{fmt.euro(amount), grant.title()}, locale));
            return "redirect:/zuwendungen/" + grant.grantId();
        }
        model.addAttribute("formHasErrors", true);
        return fundsPage(grant, model);
    }

    private String fundsPage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        Money open = grant.disbursable();
        Money requested = grant.fundsRequested() == null ? Money.ZERO : grant.fundsRequested();
        model.addAttribute("available", requested.isGreaterThan(open) ? Money.ZERO : open.minus(requested));
        model.addAttribute("fieldOrder", FUNDS_ORDER);
        model.addAttribute("nav", "grants");
        return "grant/request-funds";
    }

    // ---- the centre: Verwendungsnachweis, with a confirmation -----------------------------------------

    @GetMapping("/zentrum/zuwendungen/{grantId}/verwendungsnachweis")
    public String reportForm(@PathVariable String grantId, Model model) {
        UiAccess.requireRole(AccountRole.COORDINATOR);
        GrantView grant = GrantReads.find(queries, grantId);
        UsageReportForm form = new UsageReportForm();
        form.setAmountSpent(GermanMoney.format(grant.disbursedAmount()));
        model.addAttribute("form", form);
        return reportPage(grant, model);
    }

    /**
     * Three steps on one address: the form posts to the confirmation page (input checked, nothing sent);
     * the confirmation page posts either "change" (back to the form with the input) or "confirm" (sent).
     */
    @PostMapping("/zentrum/zuwendungen/{grantId}/verwendungsnachweis")
    public String submitReport(@PathVariable String grantId, @Valid @ModelAttribute("form") UsageReportForm form,
                               BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.requireRole(AccountRole.COORDINATOR);
        GrantView grant = GrantReads.find(queries, grantId);
        if (form.changing()) {
            form.setStep(null);
            return reportPage(grant, model);
        }
        Money spent = FormMoney.parse(form.getAmountSpent(), "amountSpent", binding, messages, locale);
        Supplier<Object> command = () -> new SubmitUsageReportCommand(grant.grantId(), spent, form.getReport(),
                form.getVolunteersReached());
        if (!form.confirmed()) {
            // the kernel's input checks (text, range) before asking for the confirmation; nothing is sent
            if (!binding.hasErrors()) {
                try {
                    command.get();
                } catch (RuntimeException e) {
                    if (!FormErrors.reject(binding, e, REPORT_FIELDS, messages, locale)) {
                        throw e;
                    }
                }
            }
            if (binding.hasErrors()) {
                model.addAttribute("formHasErrors", true);
                return reportPage(grant, model);
            }
            model.addAttribute("grant", grant);
            model.addAttribute("spent", spent);
            model.addAttribute("repaymentPreview", difference(grant.disbursedAmount(), spent));
            model.addAttribute("nav", "grants");
            return "grant/usage-report-confirm";
        }
        if (send(binding, REPORT_FIELDS, locale, command, grant)) {
            redirect.addFlashAttribute("confirmation", messages.getMessage("ui.grant.usage-reported",
                    new Object[]{grant.title()}, locale));
            return "redirect:/zuwendungen/" + grant.grantId();
        }
        form.setStep(null);
        model.addAttribute("formHasErrors", true);
        return reportPage(grant, model);
    }

    private String reportPage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("fieldOrder", REPORT_ORDER);
        model.addAttribute("nav", "grants");
        return "grant/usage-report";
    }

    // ---- the grant authority: worklist, disbursement, closing, repayment ----------------------------

    @GetMapping("/bewirtschaftung")
    public String worklist(Model model) {
        UiAccess.requireRole(AccountRole.GRANT_OFFICER);
        Comparator<GrantView> byCentre = Comparator.comparing(GrantView::centreName, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(GrantView::title, Comparator.nullsLast(Comparator.naturalOrder()));
        model.addAttribute("fundRequests", queries.list(new FindGrantsQuery(null, null, GrantStatus.APPROVED), GrantView.class).stream()
                .filter(g -> g.fundsRequested() != null && !g.fundsRequested().isZero()).sorted(byCentre).toList());
        model.addAttribute("reports", queries.list(new FindGrantsQuery(null, null, GrantStatus.USAGE_REPORTED), GrantView.class).stream()
                .sorted(Comparator.comparing(GrantView::reportedOn, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byCentre))
                .toList());
        model.addAttribute("repayments", queries.list(new FindGrantsQuery(null, null, GrantStatus.CLOSED), GrantView.class).stream()
                .filter(g -> !g.repaymentOutstanding().isZero()).sorted(byCentre).toList());
        model.addAttribute("nav", "worklist");
        return "grant/worklist";
    }

    @GetMapping("/zuwendungen/{grantId}/auszahlung")
    public String disbursementForm(@PathVariable String grantId, Model model) {
        UiAccess.requireRole(AccountRole.GRANT_OFFICER);
        GrantView grant = GrantReads.find(queries, grantId);
        DisbursementForm form = new DisbursementForm();
        if (grant.fundsRequested() != null && !grant.fundsRequested().isZero()) {
            form.setAmount(GermanMoney.format(grant.fundsRequested()));
        }
        form.setDisbursedOn(today.date());
        model.addAttribute("form", form);
        return disbursementPage(grant, model);
    }

    @PostMapping("/zuwendungen/{grantId}/auszahlung")
    public String disburse(@PathVariable String grantId, @Valid @ModelAttribute("form") DisbursementForm form, BindingResult binding,
                           Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.requireRole(AccountRole.GRANT_OFFICER);
        GrantView grant = GrantReads.find(queries, grantId);
        Money amount = FormMoney.parse(form.getAmount(), "amount", binding, messages, locale);
        if (send(binding, DISBURSEMENT_FIELDS, locale,
                () -> new DisburseTrancheCommand(grant.grantId(), amount, form.getDisbursedOn()), grant)) {
            redirect.addFlashAttribute("confirmation", messages.getMessage("ui.grant.disbursed",
                    new Object[]{fmt.euro(amount), grant.title(), grant.centreName()}, locale));
            return "redirect:/zuwendungen/" + grant.grantId();
        }
        model.addAttribute("formHasErrors", true);
        return disbursementPage(grant, model);
    }

    private String disbursementPage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("today", today.date());
        model.addAttribute("fieldOrder", DISBURSEMENT_ORDER);
        model.addAttribute("nav", "worklist");
        return "grant/disburse";
    }

    @GetMapping("/zuwendungen/{grantId}/abschluss")
    public String closingForm(@PathVariable String grantId, Model model) {
        UiAccess.requireRole(AccountRole.GRANT_OFFICER);
        model.addAttribute("form", new ClosingForm());
        return closingPage(GrantReads.find(queries, grantId), model);
    }

    @PostMapping("/zuwendungen/{grantId}/abschluss")
    public String close(@PathVariable String grantId, @Valid @ModelAttribute("form") ClosingForm form, BindingResult binding,
                        Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.requireRole(AccountRole.GRANT_OFFICER);
        GrantView grant = GrantReads.find(queries, grantId);
        if (send(binding, CLOSING_FIELDS, locale, () -> new CloseGrantCommand(grant.grantId(), form.getCheckNote()), grant)) {
            GrantView closed = GrantReads.find(queries, grantId);
            Money demanded = closed.repaymentDemanded() == null ? Money.ZERO : closed.repaymentDemanded();
            redirect.addFlashAttribute("confirmation", demanded.isZero()
                    ? messages.getMessage("ui.grant.closed-nothing-due", new Object[]{grant.title(), grant.centreName()}, locale)
                    : messages.getMessage("ui.grant.closed", new Object[]{grant.title(), grant.centreName(), fmt.euro(demanded)}, locale));
            return "redirect:/zuwendungen/" + grant.grantId();
        }
        model.addAttribute("formHasErrors", true);
        return closingPage(grant, model);
    }

    private String closingPage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        // what the closing will demand back, shown before confirming; the command side records the real figure
        model.addAttribute("repaymentPreview", difference(grant.disbursedAmount(), grant.spentAmount()));
        model.addAttribute("fieldOrder", CLOSING_ORDER);
        model.addAttribute("nav", "worklist");
        return "grant/close";
    }

    @GetMapping("/zuwendungen/{grantId}/rueckzahlung")
    public String repaymentForm(@PathVariable String grantId, Model model) {
        UiAccess.requireRole(AccountRole.GRANT_OFFICER);
        GrantView grant = GrantReads.find(queries, grantId);
        RepaymentForm form = new RepaymentForm();
        if (!grant.repaymentOutstanding().isZero()) {
            form.setAmount(GermanMoney.format(grant.repaymentOutstanding()));
        }
        form.setReceivedOn(today.date());
        model.addAttribute("form", form);
        return repaymentPage(grant, model);
    }

    @PostMapping("/zuwendungen/{grantId}/rueckzahlung")
    public String recordRepayment(@PathVariable String grantId, @Valid @ModelAttribute("form") RepaymentForm form,
                                  BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.requireRole(AccountRole.GRANT_OFFICER);
        GrantView grant = GrantReads.find(queries, grantId);
        Money amount = FormMoney.parse(form.getAmount(), "amount", binding, messages, locale);
        if (send(binding, REPAYMENT_FIELDS, locale,
                () -> new RecordRepaymentCommand(grant.grantId(), amount, form.getReceivedOn()), grant)) {
            GrantView after = GrantReads.find(queries, grantId);
            redirect.addFlashAttribute("confirmation", messages.getMessage("ui.grant.repaid",
                    new Object[]{fmt.euro(amount), grant.title(), fmt.euro(after.repaymentOutstanding())}, locale));
            return "redirect:/zuwendungen/" + grant.grantId();
        }
        model.addAttribute("formHasErrors", true);
        return repaymentPage(grant, model);
    }

    private String repaymentPage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("today", today.date());
        model.addAttribute("fieldOrder", REPAYMENT_ORDER);
        model.addAttribute("nav", "worklist");
        return "grant/repayment";
    }

    // ---- the ministry: Änderungsbescheid ------------------------------------------------------------

    @GetMapping("/zuwendungen/{grantId}/aenderung")
    public String amendmentForm(@PathVariable String grantId, Model model) {
        UiAccess.requireRole(AccountRole.MINISTRY);
        GrantView grant = GrantReads.find(queries, grantId);
        AmendmentForm form = new AmendmentForm();
        form.setApprovedAmount(GermanMoney.format(grant.approvedAmount()));
        model.addAttribute("form", form);
        return amendmentPage(grant, model);
    }

    @PostMapping("/zuwendungen/{grantId}/aenderung")
    public String amend(@PathVariable String grantId, @Valid @ModelAttribute("form") AmendmentForm form, BindingResult binding,
                        Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.requireRole(AccountRole.MINISTRY);
        GrantView grant = GrantReads.find(queries, grantId);
        Money amount = FormMoney.parse(form.getApprovedAmount(), "approvedAmount", binding, messages, locale);
        if (send(binding, AMENDMENT_FIELDS, locale, () -> new AmendGrantCommand(grant.grantId(), amount, form.getReason()), grant)) {
            redirect.addFlashAttribute("confirmation", messages.getMessage("ui.grant.amended",
                    new Object[]{grant.title(), grant.centreName(), fmt.euro(amount)}, locale));
            return "redirect:/zuwendungen/" + grant.grantId();
        }
        model.addAttribute("formHasErrors", true);
        return amendmentPage(grant, model);
    }

    private String amendmentPage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("fieldOrder", AMENDMENT_ORDER);
        model.addAttribute("nav", "register");
        return "grant/amend";
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /**
     * Sends the command when the input is fine, and waits until the grant's read models show it.
     *
     * @return true when it was sent; false when the form has errors (of the input, or the command side's refusal)
     */
    private boolean send(BindingResult binding, Map<String, String> fields, Locale locale, Supplier<Object> command, GrantView grant) {
        if (binding.hasErrors()) {
            return false;
        }
        try {
            commands.sendAndAwait(command.get(), grant.grantId());
            return true;
        } catch (RuntimeException e) {
            if (!FormErrors.reject(binding, e, fields, messages, locale)) {
                throw e;
            }
            return false;
        }
    }

    /** {@code minuend − subtrahend} for the page, never negative; null when one is unknown. */
    private static Money difference(Money minuend, Money subtrahend) {
        if (minuend == null || subtrahend == null) {
            return null;
        }
        return subtrahend.isGreaterThan(minuend) ? Money.ZERO : minuend.minus(subtrahend);
    }
}
