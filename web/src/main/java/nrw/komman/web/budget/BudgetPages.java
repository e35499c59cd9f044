package nrw.komman.web.budget;

import nrw.komman.kernel.access.Action;
import jakarta.validation.Valid;
import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.kernel.budget.BudgetOverview;
import nrw.komman.kernel.budget.BudgetUse;
import nrw.komman.kernel.budget.FetchBudgetUseQuery;
import nrw.komman.kernel.budget.SetBudgetCommand;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.FundingYear;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static java.util.Map.entry;

/**
 * The ministry's budgets: the use of a funding year's budgets per programme part and per centre
 * (budget, approved, remaining, disbursed, spent, reclaimed, repaid, share used), read only for the
 * grant authority and auditors; the ministry sets a budget (state-wide or a centre's share) with a
 * form. Whether an amount is allowed (never below what is approved) the command side decides.
 */
@PageController
class BudgetPages {

    static final Map<String, String> FIELDS = Map.ofEntries(
            entry("fundingYear", "fundingYear"), entry("programmePart", "programmePart"), entry("centre", "centreId"),
            entry("amount", "amount"), entry("money", "amount"), entry("budget.below-approved", "amount"),
            entry("budget.unchanged", "amount"), entry("reason", "reason"));
    static final List<String> ORDER = List.of("fundingYear", "programmePart", "centreId", "amount", "reason");

    private final FormPage forms;
    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final Today today;
    private final MessageSource messages;
    private final Formats fmt;

    BudgetPages(FormPage forms, CommandDispatcher commands, QueryDispatcher queries, Today today, MessageSource messages, Formats fmt) {
        this.forms = forms;
        this.commands = commands;
        this.queries = queries;
        this.today = today;
        this.messages = messages;
        this.fmt = fmt;
    }

    @GetMapping("/haushalt")
    String budgets(@RequestParam(name = "jahr", required = false) Integer year, Model model) {
        UiAccess.require(Action.READ_BUDGETS);
        int fundingYear = year == null ? today.date().getYear() : FundingYear.validate(year);
        BudgetOverview overview = overview(fundingYear);
        model.addAttribute("year", fundingYear);
        model.addAttribute("years", years());
        model.addAttribute("parts", overview.programmeParts() == null ? List.of() : overview.programmeParts());
        model.addAttribute("centres", overview.centres() == null ? List.of() : overview.centres());
        model.addAttribute("canSet", UiAccess.allows(Action.SET_BUDGET));
        model.addAttribute("nav", "budgets");
        return "budget/budgets";
    }

    @GetMapping("/haushalt/festlegen")
    String form(@RequestParam(name = "jahr", required = false) Integer year,
                @RequestParam(name = "teil", required = false) ProgrammePart part,
                @RequestParam(name = "zentrum", required = false) String centre, Model model) {
        UiAccess.require(Action.SET_BUDGET);
        BudgetForm form = new BudgetForm();
        form.setFundingYear(year == null ? today.date().getYear() : FundingYear.validate(year));
        form.setProgrammePart(part);
        CentreId centreId = Ids.optional("zentrum", centre, CentreId::new);
        form.setCentreId(centreId == null ? null : centreId.value());
        if (part != null) {
            // changing a budget: the current amount as the starting point
            current(form.getFundingYear(), part, centreId).ifPresent(use -> form.setAmount(GermanMoney.format(use.budget())));
        }
        model.addAttribute("form", form);
        return formPage(model);
    }

    @PostMapping("/haushalt/festlegen")
    String set(@Valid @ModelAttribute("form") BudgetForm form, BindingResult binding, Model model, Locale locale,
               RedirectAttributes redirect) {
        UiAccess.require(Action.SET_BUDGET);
        Money amount = FormMoney.parse(form.getAmount(), "amount", binding, messages, locale);
        AtomicReference<BudgetId> budget = new AtomicReference<>(); // known once the input passed
        return forms.post(binding, model, locale, FIELDS)
                .run(() -> budget.set(setBudget(form, amount)))
                .confirm(redirect, "ui.budget.set", () -> new Object[]{scope(budget.get(), locale), fmt.euro(amount)})
                .redirectTo(() -> "/haushalt?jahr=" + budget.get().fundingYear())
                .orShowAgain(() -> formPage(model));
    }

    /** Sends the budget; the centre's key and the budget's id are checked here, so their refusals go on the form. */
    private BudgetId setBudget(BudgetForm form, Money amount) {
        CentreId centreId = form.getCentreId() == null || form.getCentreId().isBlank() ? null : new CentreId(form.getCentreId().strip());
        BudgetId id = BudgetId.of(form.getFundingYear(), form.getProgrammePart(), centreId);
        commands.sendAndAwait(new SetBudgetCommand(id, amount, form.getReason()), id);
        return id;
    }

    private String formPage(Model model) {
        model.addAttribute("parts", ProgrammePart.values());
        model.addAttribute("centreChoices", queries.list(new FindCentresQuery(), CentreView.class).stream()
                .filter(CentreView::established)
                .sorted(Comparator.comparing(CentreView::name)).toList());
        model.addAttribute("fieldOrder", ORDER);
        model.addAttribute("nav", "budgets");
        return "budget/budget-form";
    }

    private BudgetOverview overview(int fundingYear) {
        return queries.optional(new FetchBudgetUseQuery(fundingYear), BudgetOverview.class)
                .orElse(new BudgetOverview(fundingYear, List.of(), List.of()));
    }

    private Optional<BudgetUse> current(int fundingYear, ProgrammePart part, CentreId centreId) {
        BudgetOverview overview = overview(fundingYear);
        return Stream.concat(Stream.ofNullable(overview.programmeParts()).flatMap(List::stream),
                        Stream.ofNullable(overview.centres()).flatMap(List::stream))
                .filter(use -> use.programmePart() == part && Objects.equals(use.centreId(), centreId) && use.budget() != null)
                .findFirst();
    }

    /** "Teil II A – Ankommenstreffpunkte, 2026, landesweit" or "…, 2026, Köln". */
    private String scope(BudgetId id, Locale locale) {
        String part = messages.getMessage("part." + id.programmePart().name(), null, id.programmePart().germanName(), locale);
        String where = id.centreId() == null ? messages.getMessage("budget.state-wide", null, locale)
                : queries.list(new FindCentresQuery(), CentreView.class).stream().filter(c -> c.centreId().equals(id.centreId()))
                .map(CentreView::name).findFirst().orElse(id.centreId().value());
        return messages.getMessage("ui.budget.scope", new Object[]{part, String.valueOf(id.fundingYear()), where}, locale);
    }

    private List<Integer> years() {
        return IntStream.rangeClosed(FundingYear.FIRST, today.date().getYear() + 1).boxed().sorted(Comparator.reverseOrder()).toList();
    }
}
