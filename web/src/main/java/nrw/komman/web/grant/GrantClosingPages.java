package nrw.komman.web.grant;

import nrw.komman.kernel.access.Action;
import jakarta.validation.Valid;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.CloseGrantCommand;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.SubmitUsageReportCommand;
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

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import static java.util.Map.entry;

/**
 * The end of a grant in the browser: the centre submits the usage report (after a confirmation, it can be
 * submitted only once); the grant authority checks it and closes the grant, and the page shows the repayment
 * demand that follows. Every change is one command, then post-redirect-get with a confirmation.
 */
@PageController
class GrantClosingPages {

    static final Map<String, String> REPORT_FIELDS = Map.ofEntries(
            entry("amountSpent", "amountSpent"), entry("money", "amountSpent"), entry("grant.spent-exceeds-disbursed", "amountSpent"),
            entry("report", "report"), entry("volunteersReached", "volunteersReached"));
    static final List<String> REPORT_ORDER = List.of("amountSpent", "report", "volunteersReached");
    static final Map<String, String> CLOSING_FIELDS = Map.ofEntries(entry("checkNote", "checkNote"));
    static final List<String> CLOSING_ORDER = List.of("checkNote");

    private final FormPage forms;
    private final QueryDispatcher queries;
    private final MessageSource messages;
    private final Formats fmt;

    GrantClosingPages(FormPage forms, QueryDispatcher queries, MessageSource messages, Formats fmt) {
        this.forms = forms;
        this.queries = queries;
        this.messages = messages;
        this.fmt = fmt;
    }

    // ---- the centre: Verwendungsnachweis, with a confirmation -----------------------------------

    @GetMapping("/zentrum/zuwendungen/{grantId}/verwendungsnachweis")
    String reportForm(@PathVariable String grantId, Model model) {
        UiAccess.require(Action.SUBMIT_USAGE_REPORT);
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
    String submitReport(@PathVariable String grantId, @Valid @ModelAttribute("form") UsageReportForm form,
                        BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.SUBMIT_USAGE_REPORT);
        GrantView grant = GrantReads.find(queries, grantId);
        if (form.changing()) {
            form.setStep(null);
            return reportPage(grant, model);
        }
        Money spent = FormMoney.parse(form.getAmountSpent(), "amountSpent", binding, messages, locale);
        Supplier<SubmitUsageReportCommand> command = () -> new SubmitUsageReportCommand(grant.grantId(), spent, form.getReport(),
                form.getVolunteersReached());
        if (!form.confirmed()) {
            // the kernel's input checks (text, range) before asking for the confirmation; nothing is sent
            return forms.post(binding, model, locale, REPORT_FIELDS)
                    .check(command)
                    .thenShow(() -> {
                        model.addAttribute("grant", grant);
                        model.addAttribute("spent", spent);
                        model.addAttribute("repaymentPreview", difference(grant.disbursedAmount(), spent));
                        model.addAttribute("nav", "grants");
                        return "grant/usage-report-confirm";
                    })
                    .orShowAgain(() -> reportPage(grant, model));
        }
        return forms.post(binding, model, locale, REPORT_FIELDS)
                .send(command, grant.grantId())
                .confirm(redirect, "ui.grant.usage-reported", () -> new Object[]{grant.title()})
                .redirectTo("/zuwendungen/" + grant.grantId())
                .orShowAgain(() -> {
                    form.setStep(null);
                    return reportPage(grant, model);
                });
    }

    private String reportPage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("fieldOrder", REPORT_ORDER);
        model.addAttribute("nav", "grants");
        return "grant/usage-report";
    }

    // ---- the grant authority: closing -----------------------------------------------------------

    @GetMapping("/zuwendungen/{grantId}/abschluss")
    String closingForm(@PathVariable String grantId, Model model) {
        UiAccess.require(Action.CLOSE_GRANT);
        model.addAttribute("form", new ClosingForm());
        return closingPage(GrantReads.find(queries, grantId), model);
    }

    @PostMapping("/zuwendungen/{grantId}/abschluss")
    String close(@PathVariable String grantId, @Valid @ModelAttribute("form") ClosingForm form, BindingResult binding,
                 Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.CLOSE_GRANT);
        GrantView grant = GrantReads.find(queries, grantId);
        return forms.post(binding, model, locale, CLOSING_FIELDS)
                .send(() -> new CloseGrantCommand(grant.grantId(), form.getCheckNote()), grant.grantId())
                .flash(redirect, "confirmation", () -> closed(grant, locale))
                .redirectTo("/zuwendungen/" + grant.grantId())
                .orShowAgain(() -> closingPage(grant, model));
    }

    /** The confirmation of a closing, with the repayment demand the command side has just recorded. */
    private String closed(GrantView grant, Locale locale) {
        GrantView closed = GrantReads.find(queries, grant.grantId().toString());
        Money demanded = closed.repaymentDemanded() == null ? Money.ZERO : closed.repaymentDemanded();
        return demanded.isZero()
                ? forms.text("ui.grant.closed-nothing-due", locale, grant.title(), grant.centreName())
                : forms.text("ui.grant.closed", locale, grant.title(), grant.centreName(), fmt.euro(demanded));
    }

    private String closingPage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        // what the closing will demand back, shown before confirming; the command side records the real figure
        model.addAttribute("repaymentPreview", difference(grant.disbursedAmount(), grant.spentAmount()));
        model.addAttribute("fieldOrder", CLOSING_ORDER);
        model.addAttribute("nav", "worklist");
        return "grant/close";
    }

    /** {@code minuend − subtrahend} for the page, never negative; null when one is unknown. */
    private static Money difference(Money minuend, Money subtrahend) {
        if (minuend == null || subtrahend == null) {
            return null;
        }
        return subtrahend.isGreaterThan(minuend) ? Money.ZERO : minuend.minus(subtrahend);
    }
}
