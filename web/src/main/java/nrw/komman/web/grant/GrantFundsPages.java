package nrw.komman.web.grant;

import nrw.komman.kernel.access.Action;
import jakarta.validation.Valid;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.DisburseTrancheCommand;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.RecordRepaymentCommand;
import nrw.komman.kernel.grant.RequestFundsCommand;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
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

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Map.entry;

/**
 * The money of an approved grant in the browser: the centre draws funds (Mittelabruf); the grant authority
 * has a worklist of what waits for it, records disbursements and, after the closing, repayments. Every change
 * is one command, then post-redirect-get with a confirmation; what the command side refuses (amounts, dates,
 * status) stays on the form next to the field it concerns.
 */
@PageController
class GrantFundsPages {

    static final Map<String, String> FUNDS_FIELDS = Map.ofEntries(
            entry("amount", "amount"), entry("money", "amount"), entry("grant.request-exceeds-available", "amount"),
            entry("purpose", "purpose"));
    static final List<String> FUNDS_ORDER = List.of("amount", "purpose");
    static final Map<String, String> DISBURSEMENT_FIELDS = Map.ofEntries(
            entry("amount", "amount"), entry("money", "amount"), entry("grant.disbursement-exceeds-approved", "amount"),
            entry("disbursedOn", "disbursedOn"), entry("grant.disbursement", "disbursedOn"));
    static final List<String> DISBURSEMENT_ORDER = List.of("amount", "disbursedOn");
    static final Map<String, String> REPAYMENT_FIELDS = Map.ofEntries(
            entry("amount", "amount"), entry("money", "amount"), entry("grant.repayment-exceeds-outstanding", "amount"),
            entry("receivedOn", "receivedOn"), entry("grant.repayment", "receivedOn"));
    static final List<String> REPAYMENT_ORDER = List.of("amount", "receivedOn");

    private final FormPage forms;
    private final QueryDispatcher queries;
    private final Today today;
    private final MessageSource messages;
    private final Formats fmt;

    GrantFundsPages(FormPage forms, QueryDispatcher queries, Today today, MessageSource messages, Formats fmt) {
        this.forms = forms;
        this.queries = queries;
        this.today = today;
        this.messages = messages;
        this.fmt = fmt;
    }

    // ---- the centre: Mittelabruf ----------------------------------------------------------------

    @GetMapping("/zentrum/zuwendungen/{grantId}/mittelabruf")
    String fundsForm(@PathVariable String grantId, Model model) {
        UiAccess.require(Action.REQUEST_FUNDS);
        model.addAttribute("form", new FundsRequestForm());
        return fundsPage(GrantReads.find(queries, grantId), model);
    }

    @PostMapping("/zentrum/zuwendungen/{grantId}/mittelabruf")
    String requestFunds(@PathVariable String grantId, @Valid @ModelAttribute("form") FundsRequestForm form,
                        BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.REQUEST_FUNDS);
        GrantView grant = GrantReads.find(queries, grantId);
        Money amount = FormMoney.parse(form.getAmount(), "amount", binding, messages, locale);
        return forms.post(binding, model, locale, FUNDS_FIELDS)
                .send(() -> new RequestFundsCommand(grant.grantId(), amount, form.getPurpose()), grant.grantId())
                .confirm(redirect, "ui.grant.funds-requested", () -> new Object[]{fmt.euro(amount), grant.title()})
                .redirectTo("/zuwendungen/" + grant.grantId())
                .orShowAgain(() -> fundsPage(grant, model));
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

    // ---- the grant authority: worklist, disbursement, repayment ---------------------------------

    @GetMapping("/bewirtschaftung")
    String worklist(Model model) {
        UiAccess.require(Action.DISBURSE_TRANCHE);
        Comparator<GrantView> byCentre = Comparator.comparing(GrantView::centreName, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(GrantView::title, Comparator.nullsLast(Comparator.naturalOrder()));
        List<GrantView> approved = queries.list(new FindGrantsQuery(null, null, GrantStatus.APPROVED), GrantView.class);
        // issue 19: what is overdue comes first, with its dates in words
        model.addAttribute("overdue", approved.stream().filter(GrantView::overdue)
                .sorted(Comparator.comparing(GrantView::usageReportDue, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(byCentre)).toList());
        model.addAttribute("fundRequests", approved.stream()
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
    String disbursementForm(@PathVariable String grantId, Model model) {
        UiAccess.require(Action.DISBURSE_TRANCHE);
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
    String disburse(@PathVariable String grantId, @Valid @ModelAttribute("form") DisbursementForm form, BindingResult binding,
                    Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.DISBURSE_TRANCHE);
        GrantView grant = GrantReads.find(queries, grantId);
        Money amount = FormMoney.parse(form.getAmount(), "amount", binding, messages, locale);
        return forms.post(binding, model, locale, DISBURSEMENT_FIELDS)
                .send(() -> new DisburseTrancheCommand(grant.grantId(), amount, form.getDisbursedOn()), grant.grantId())
                .confirm(redirect, "ui.grant.disbursed", () -> new Object[]{fmt.euro(amount), grant.title(), grant.centreName()})
                .redirectTo("/zuwendungen/" + grant.grantId())
                .orShowAgain(() -> disbursementPage(grant, model));
    }

    private String disbursementPage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("today", today.date());
        model.addAttribute("fieldOrder", DISBURSEMENT_ORDER);
        model.addAttribute("nav", "worklist");
        return "grant/disburse";
    }

    @GetMapping("/zuwendungen/{grantId}/rueckzahlung")
    String repaymentForm(@PathVariable String grantId, Model model) {
        UiAccess.require(Action.RECORD_REPAYMENT);
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
    String recordRepayment(@PathVariable String grantId, @Valid @ModelAttribute("form") RepaymentForm form,
                           BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.RECORD_REPAYMENT);
        GrantView grant = GrantReads.find(queries, grantId);
        Money amount = FormMoney.parse(form.getAmount(), "amount", binding, messages, locale);
        return forms.post(binding, model, locale, REPAYMENT_FIELDS)
                .send(() -> new RecordRepaymentCommand(grant.grantId(), amount, form.getReceivedOn()), grant.grantId())
                // what is still outstanding after this repayment, read once the read models show it
                .confirm(redirect, "ui.grant.repaid", () -> new Object[]{fmt.euro(amount), grant.title(),
                        fmt.euro(GrantReads.find(queries, grantId).repaymentOutstanding())})
                .redirectTo("/zuwendungen/" + grant.grantId())
                .orShowAgain(() -> repaymentPage(grant, model));
    }

    private String repaymentPage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("today", today.date());
        model.addAttribute("fieldOrder", REPAYMENT_ORDER);
        model.addAttribute("nav", "worklist");
        return "grant/repayment";
    }
}
