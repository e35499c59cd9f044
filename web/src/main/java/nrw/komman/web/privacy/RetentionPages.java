package nrw.komman.web.privacy;

import jakarta.validation.Valid;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.privacy.RetentionPlan;
import nrw.komman.web.privacy.RetentionRuns.RetentionRunResult;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.page.PageController;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The retention rules for administrators ({@code /verwaltung/aufbewahrung}): the dry run (the rules, the
 * volunteers whose personal data a run would erase, by pseudonymous id, centre and the day since which they are
 * inactive, and the grant files whose keeping period has ended), and the run itself after a confirmation page
 * with an explicit tick. The run's result is shown on the page after post-redirect-get; the past runs, by administrators
 * and on the platform's schedule (ADR 39), are listed below the rules.
 */
@PageController
class RetentionPages {

    private final FormPage forms;
    private final RetentionRuns retention;
    private final QueryDispatcher queries;
    private final MessageSource messages;

    /** When the platform runs the rules by itself (the command role's setting; ADR 39), shown on the page. */
    private final String schedule;

    RetentionPages(FormPage forms, RetentionRuns retention, QueryDispatcher queries, MessageSource messages,
                   @Value("${komman.retention.schedule:02:30}") String schedule) {
        this.forms = forms;
        this.retention = retention;
        this.queries = queries;
        this.messages = messages;
        this.schedule = schedule.trim();
    }

    @GetMapping("/verwaltung/aufbewahrung")
    String plan(Model model) {
        model.addAttribute("plan", retention.plan());
        model.addAttribute("pastRuns", retention.pastRuns());
        model.addAttribute("schedule", "off".equalsIgnoreCase(schedule) ? null : schedule);
        model.addAttribute("centres", centreNames());
        model.addAttribute("nav", "retention");
        return "admin/retention";
    }

    @GetMapping("/verwaltung/aufbewahrung/lauf")
    String confirmation(Model model) {
        model.addAttribute("form", new RetentionForm());
        return confirmationPage(model);
    }

    @PostMapping("/verwaltung/aufbewahrung/lauf")
    String run(@Valid @ModelAttribute("form") RetentionForm form, BindingResult binding, Model model, Locale locale,
               RedirectAttributes redirect) {
        return forms.post(binding, model, locale, Map.of())
                .run(() -> {
                    RetentionRunResult result = retention.run();
                    redirect.addFlashAttribute("confirmation", messages.getMessage("ui.retention.done",
                            new Object[]{result.runId(), result.erased().size(), result.grantFilesDue()}, locale));
                    redirect.addFlashAttribute("runId", result.runId());
                    redirect.addFlashAttribute("runErased", result.erased().stream()
                            .map(v -> new ErasedRow(v.volunteerId().toString(), v.centreId().value(), v.inactiveSince()))
                            .toList());
                })
                .redirectTo("/verwaltung/aufbewahrung")
                .orShowAgain(() -> confirmationPage(model));
    }

    /** One erased volunteer of a run, for the page after the redirect (plain values, fit for the session). */
    public record ErasedRow(String volunteerId, String centreId, java.time.LocalDate inactiveSince) implements java.io.Serializable {
    }

    private String confirmationPage(Model model) {
        RetentionPlan plan = retention.plan();
        model.addAttribute("plan", plan);
        model.addAttribute("fieldOrder", List.of("confirmed"));
        model.addAttribute("nav", "retention");
        return "admin/retention-confirm";
    }

    /** Centre key → name, for the tables; a key without a name shows as it is. */
    private Map<String, String> centreNames() {
        return queries.list(new FindCentresQuery(), CentreView.class).stream()
                .collect(Collectors.toMap(c -> c.centreId().value(), CentreView::name, (a, b) -> a));
    }
}
