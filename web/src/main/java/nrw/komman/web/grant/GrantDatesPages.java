package nrw.komman.web.grant;

import jakarta.validation.Valid;
import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.grant.ExtendUsageReportDueCommand;
import nrw.komman.kernel.grant.FetchProgrammeDatesQuery;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.ProgrammeDates;
import nrw.komman.kernel.grant.ProgrammeDatesOverview;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.ReportTrancheSpentCommand;
import nrw.komman.kernel.grant.SetProgrammeDatesCommand;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.page.Formats;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.platform.page.UiAccess;
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

import static java.util.Map.entry;

/**
 * The dates that matter in grants (issue 19) in the browser: the grant authority moves a usage report's due date
 * (Fristverlängerung), the centre reports a tranche's money as spent, the ministry sets the dates of each programme
 * part ("Fristen"). Every change is one command, then post-redirect-get with a confirmation; what the command side
 * refuses stays on the form next to its field.
 */
@PageController
class GrantDatesPages {

    static final Map<String, String> EXTENSION_FIELDS = Map.ofEntries(
            entry("dueOn", "dueOn"), entry("grant.usage-report-due", "dueOn"), entry("grant.extend-due", "dueOn"),
            entry("usageReportDue", "dueOn"), entry("reason", "reason"));
    static final List<String> EXTENSION_ORDER = List.of("dueOn", "reason");
    static final Map<String, String> DATES_FIELDS = Map.ofEntries(
            entry("usageReportMonthsAfterYearEnd", "usageReportMonthsAfterYearEnd"),
            entry("reminderWeeksBefore", "reminderWeeksBefore"), entry("reviewWithinWeeks", "reviewWithinWeeks"),
            entry("decisionWithinWeeks", "decisionWithinWeeks"), entry("reason", "reason"));
    static final List<String> DATES_ORDER = List.of("usageReportMonthsAfterYearEnd", "reminderWeeksBefore",
            "reviewWithinWeeks", "decisionWithinWeeks", "reason");

    private final FormPage forms;
    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final Today today;
    private final Formats fmt;

    GrantDatesPages(FormPage forms, CommandDispatcher commands, QueryDispatcher queries, Today today, Formats fmt) {
        this.forms = forms;
        this.commands = commands;
        this.queries = queries;
        this.today = today;
        this.fmt = fmt;
    }

    // ---- the grant authority: Fristverlängerung -------------------------------------------------

    @GetMapping("/zuwendungen/{grantId}/frist")
    String extensionForm(@PathVariable String grantId, Model model) {
        UiAccess.require(Action.EXTEND_USAGE_REPORT_DUE);
        GrantView grant = GrantReads.find(queries, grantId);
        ExtensionForm form = new ExtensionForm();
        form.setDueOn(grant.usageReportDue());
        model.addAttribute("form", form);
        return extensionPage(grant, model);
    }

    @PostMapping("/zuwendungen/{grantId}/frist")
    String extend(@PathVariable String grantId, @Valid @ModelAttribute("form") ExtensionForm form, BindingResult binding,
                  Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.EXTEND_USAGE_REPORT_DUE);
        GrantView grant = GrantReads.find(queries, grantId);
        return forms.post(binding, model, locale, EXTENSION_FIELDS)
                .send(() -> new ExtendUsageReportDueCommand(grant.grantId(), form.getDueOn(), form.getReason()), grant.grantId())
                .confirm(redirect, "ui.grant.due-extended", () -> new Object[]{grant.title(), fmt.date(form.getDueOn())})
                .redirectTo("/zuwendungen/" + grant.grantId())
                .orShowAgain(() -> extensionPage(grant, model));
    }

    private String extensionPage(GrantView grant, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("fieldOrder", EXTENSION_ORDER);
        model.addAttribute("nav", "worklist");
        return "grant/extend-due";
    }

    // ---- the centre: a tranche's money spent ----------------------------------------------------

    /** A button on the grant page, without input; a refusal (reported already) is said on the grant page. */
    @PostMapping("/zentrum/zuwendungen/{grantId}/tranchen/{tranche}/verausgabt")
    String reportSpent(@PathVariable String grantId, @PathVariable String tranche, Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.REPORT_TRANCHE_SPENT);
        GrantView grant = GrantReads.find(queries, grantId);
        int number = trancheNumber(tranche);
        return forms.press(() -> commands.sendAndAwait(new ReportTrancheSpentCommand(grant.grantId(), number), grant.grantId()),
                redirect, locale, () -> forms.text("ui.grant.tranche-spent", locale, number, grant.title()),
                "/zuwendungen/" + grant.grantId());
    }

    /** A tranche's number as the address carries it: digits only, from 1 (no spaces, signs or anything after them). */
    static int trancheNumber(String tranche) {
        if (tranche == null || !tranche.matches("[1-9][0-9]{0,5}")) {
            throw new InvalidInputException("tranche.invalid", "Die Auszahlung ist nicht angegeben.");
        }
        return Integer.parseInt(tranche);
    }

    // ---- the ministry: the dates of the programme parts -----------------------------------------

    @GetMapping("/fristen")
    String programmeDates(Model model) {
        UiAccess.require(Action.SET_PROGRAMME_DATES);
        model.addAttribute("rows", overview().parts());
        model.addAttribute("year", today.date().getYear());
        model.addAttribute("nav", "programme-dates");
        return "grant/programme-dates";
    }

    @GetMapping("/fristen/{part}")
    String programmeDatesForm(@PathVariable String part, Model model) {
        UiAccess.require(Action.SET_PROGRAMME_DATES);
        ProgrammePart programmePart = part(part);
        model.addAttribute("form", ProgrammeDatesForm.of(datesOf(programmePart)));
        return programmeDatesPage(programmePart, model);
    }

    @PostMapping("/fristen/{part}")
    String setProgrammeDates(@PathVariable String part, @Valid @ModelAttribute("form") ProgrammeDatesForm form,
                             BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        UiAccess.require(Action.SET_PROGRAMME_DATES);
        ProgrammePart programmePart = part(part);
        return forms.post(binding, model, locale, DATES_FIELDS)
                .send(() -> new SetProgrammeDatesCommand(new ProgrammeDates(programmePart,
                                form.getUsageReportMonthsAfterYearEnd(), form.getReminderWeeksBefore(),
                                form.getReviewWithinWeeks(), form.getDecisionWithinWeeks()), form.getReason()),
                        programmePart.name())
                .confirm(redirect, "ui.dates.set", () -> new Object[]{forms.text("part." + programmePart.name(), locale)})
                .redirectTo("/fristen")
                .orShowAgain(() -> programmeDatesPage(programmePart, model));
    }

    private String programmeDatesPage(ProgrammePart part, Model model) {
        model.addAttribute("part", part);
        model.addAttribute("current", datesOf(part));
        model.addAttribute("fieldOrder", DATES_ORDER);
        model.addAttribute("nav", "programme-dates");
        return "grant/programme-dates-form";
    }

    private ProgrammeDatesOverview overview() {
        return queries.one(new FetchProgrammeDatesQuery(), ProgrammeDatesOverview.class, "programme-dates.not-found",
                "Die Fristen der Programmteile sind gerade nicht lesbar.");
    }

    private ProgrammeDates datesOf(ProgrammePart part) {
        return overview().parts().stream().map(ProgrammeDatesOverview.Row::dates).filter(d -> d.part() == part)
                .findFirst().orElse(ProgrammeDates.defaults(part));
    }

    static ProgrammePart part(String name) {
        for (ProgrammePart part : ProgrammePart.values()) {
            if (part.name().equals(name)) {
                return part;
            }
        }
        throw new NotFoundException("programme-part.not-found", "Diesen Programmteil gibt es nicht.");
    }
}
