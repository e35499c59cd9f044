package nrw.komman.web.grant;

import jakarta.validation.Valid;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.ApplyForGrantCommand;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.WithdrawGrantApplicationCommand;
import nrw.komman.web.account.AccountPrincipal;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import nrw.komman.web.platform.page.FormMoney;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.security.CurrentActor;
import nrw.komman.web.platform.page.PageController;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
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
 * The centre's grant applications in the browser (coordinator): its grants, applying, and withdrawing an
 * application. Every change is one command through the gateway, then post-redirect-get with a confirmation;
 * refusals stay on the form. The review and the decision are in {@link GrantDecisionPages}.
 */
@PageController
class GrantApplicationPages {

    static final Map<String, String> APPLY_FIELDS = Map.ofEntries(
            entry("fundingYear", "fundingYear"), entry("grant.funding-year-ended", "fundingYear"),
            entry("programmePart", "programmePart"), entry("title", "title"), entry("purpose", "purpose"),
            entry("requestedAmount", "requestedAmount"), entry("money", "requestedAmount"));
    static final List<String> APPLY_ORDER = List.of("fundingYear", "programmePart", "title", "purpose", "requestedAmount");
    static final Map<String, String> REASON_FIELDS = Map.ofEntries(entry("reason", "reason"));
    static final List<String> REASON_ORDER = List.of("reason");

    private final FormPage forms;
    private final QueryDispatcher queries;
    private final Today today;
    private final MessageSource messages;

    GrantApplicationPages(FormPage forms, QueryDispatcher queries, Today today, MessageSource messages) {
        this.forms = forms;
        this.queries = queries;
        this.today = today;
        this.messages = messages;
    }

    @GetMapping("/zentrum/zuwendungen")
    String centreGrants(Model model) {
        CentreId centre = ownCentre();
        List<GrantView> grants = queries.list(new FindGrantsQuery(centre, null, null), GrantView.class).stream()
                .sorted(Comparator.comparing((GrantView g) -> !g.overdue()) // issue 19: what is overdue first
                        .thenComparing(Comparator.comparingInt(GrantView::fundingYear).reversed())
                        .thenComparing(GrantView::appliedOn, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        model.addAttribute("grants", grants);
        model.addAttribute("nav", "grants");
        return "grant/centre-grants";
    }

    @GetMapping("/zentrum/zuwendungen/neu")
    String applyForm(Model model) {
        ApplyForm form = new ApplyForm();
        form.setFundingYear(today.date().getYear());
        model.addAttribute("form", form);
        return applyPage(model);
    }

    @PostMapping("/zentrum/zuwendungen")
    String apply(@Valid @ModelAttribute("form") ApplyForm form, BindingResult binding, Model model, Locale locale,
                 RedirectAttributes redirect) {
        Money amount = FormMoney.parse(form.getRequestedAmount(), "requestedAmount", binding, messages, locale);
        GrantId id = GrantId.random();
        return forms.post(binding, model, locale, APPLY_FIELDS)
                .send(() -> new ApplyForGrantCommand(id, ownCentre(), form.getFundingYear(), form.getProgrammePart(),
                        form.getTitle(), form.getPurpose(), amount), id)
                .confirm(redirect, "ui.grant.applied", () -> new Object[]{form.getTitle().strip()})
                .redirectTo("/zuwendungen/" + id)
                .orShowAgain(() -> applyPage(model));
    }

    private String applyPage(Model model) {
        model.addAttribute("parts", ProgrammePart.values());
        model.addAttribute("fieldOrder", APPLY_ORDER);
        model.addAttribute("nav", "apply");
        return "grant/apply";
    }

    @GetMapping("/zuwendungen/{grantId}/ruecknahme")
    String withdrawForm(@PathVariable String grantId, Model model) {
        model.addAttribute("form", new ReasonForm());
        return withdrawPage(GrantReads.find(queries, grantId), model);
    }

    @PostMapping("/zuwendungen/{grantId}/ruecknahme")
    String withdraw(@PathVariable String grantId, @Valid @ModelAttribute("form") ReasonForm form, BindingResult binding,
                    Model model, Locale locale, RedirectAttributes redirect) {
        GrantView grant = GrantReads.find(queries, grantId);
        return forms.post(binding, model, locale, REASON_FIELDS)
                .send(() -> new WithdrawGrantApplicationCommand(grant.grantId(), form.getReason()), grant.grantId())
                .confirm(redirect, "ui.grant.withdrawn", () -> new Object[]{grant.title()})
                .redirectTo("/zuwendungen/" + grant.grantId())
                .orShowAgain(() -> withdrawPage(grant, model));
    }

    private String withdrawPage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("fieldOrder", REASON_ORDER);
        model.addAttribute("nav", "grants");
        return "grant/withdraw";
    }

    private static CentreId ownCentre() {
        return CurrentActor.principal().map(AccountPrincipal::centreId)
                .orElseThrow(() -> new AccessDeniedException("only coordinators have a centre"));
    }
}
