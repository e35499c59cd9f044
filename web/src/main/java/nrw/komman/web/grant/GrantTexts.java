package nrw.komman.web.grant;

import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.grant.GrantFact;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantHistoryEntry;
import nrw.komman.kernel.grant.GrantNextStep;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.web.platform.page.Formats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.function.Function;

/**
 * The words of a grant in the user's language, for the templates ({@code ${@grantText.nextStep(g, #locale)}}).
 * The query side stores codes ({@link GrantFact}, {@link GrantNextStep}); the message bundle words them
 * ({@code history.fact.*}, {@code next-step.*}). A code the bundle does not know is shown as it is; without
 * any, the status decides.
 */
@Component("grantText")
public class GrantTexts {

    private final MessageSource messages;
    private final Formats fmt;

    public GrantTexts(MessageSource messages, Formats fmt) {
        this.messages = messages;
        this.fmt = fmt;
    }

    public String nextStep(GrantView grant, Locale locale) {
        return nextStep(grant, locale, fmt::euro);
    }

    public String fact(GrantHistoryEntry entry, Locale locale) {
        if (entry.fact() != null && !entry.fact().isBlank()) {
            String code = entry.fact().strip();
            return messages.getMessage("history.fact." + code, null, code, locale);
        }
        return messages.getMessage("history.fact." + entry.statusAfter().name(), null, entry.statusAfter().name(), locale);
    }

    /**
     * Who recorded a fact: "konto, Rolle". Not "konto (Rolle)": some roles' names carry brackets of their own,
     * "bezreg (Bewilligungsbehörde (Bezirksregierung))" read like a typing error.
     */
    public String who(GrantHistoryEntry entry, Locale locale) {
        String account = entry.actorAccount() == null || entry.actorAccount().isBlank() ? "—" : entry.actorAccount();
        if (entry.actorRole() == null) {
            return account;
        }
        return account + ", " + messages.getMessage("role." + entry.actorRole().name(), null, entry.actorRole().name(), locale);
    }

    /** The grant's status after the fact, with the one before only when the fact changed it. */
    public String status(GrantHistoryEntry entry, Locale locale) {
        String after = messages.getMessage("grant-status." + entry.statusAfter().name(), null, entry.statusAfter().name(), locale);
        if (entry.statusBefore() == null || entry.statusBefore() == entry.statusAfter()) {
            return after;
        }
        return messages.getMessage("grant-status." + entry.statusBefore().name(), null, entry.statusBefore().name(), locale)
                + " → " + after;
    }

    /**
     * An amount the fact changed: "18.000,00 € → 16.000,00 €", or only the new one where there was none before;
     * null when the fact left it as it was (the history shows only what changed, never "— → —"), and for a first
     * zero (an application "disburses" nothing).
     */
    public String change(Money before, Money after) {
        if (java.util.Objects.equals(before, after) || after == null || (before == null && after.isZero())) {
            return null;
        }
        return before == null ? fmt.euro(after) : fmt.euro(before) + " → " + fmt.euro(after);
    }

    /**
     * What of a grant is overdue (issue 19), one line each in the reader's language, with its date: the usage
     * report, each tranche whose spending was not reported, the review, the decision. Empty when nothing is.
     * The pages show these words, never a colour alone.
     */
    public java.util.List<String> overdue(GrantView grant, Locale locale) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        if (grant.reviewOverdue()) {
            lines.add(messages.getMessage("overdue.review", null, locale));
        }
        if (grant.decisionOverdue()) {
            lines.add(messages.getMessage("overdue.decision", null, locale));
        }
        if (grant.usageReportOverdue()) {
            lines.add(messages.getMessage("overdue.usage-report", new Object[]{fmt.date(grant.usageReportDue())}, locale));
        }
        for (nrw.komman.kernel.grant.GrantTranche tranche : grant.overdueTranches()) {
            lines.add(messages.getMessage("overdue.tranche", new Object[]{tranche.tranche(), fmt.euro(tranche.amount()),
                    fmt.date(tranche.spendingDueOn())}, locale));
        }
        return lines;
    }

    /** The date a fact of the dates names: "30.06.2026", or for an extension "30.06.2026 → 30.09.2026"; null for others. */
    public String due(GrantHistoryEntry entry) {
        if (entry.dueOn() == null) {
            return null;
        }
        return entry.dueBefore() == null ? fmt.date(entry.dueOn()) : fmt.date(entry.dueBefore()) + " → " + fmt.date(entry.dueOn());
    }

    /** Where a tranche stands, in words: reported as spent (when), overdue, or to be reported by its date. */
    public String tranche(nrw.komman.kernel.grant.GrantTranche tranche, Locale locale) {
        if (tranche.spentReportedOn() != null) {
            return messages.getMessage("tranches.spent", new Object[]{fmt.date(tranche.spentReportedOn())}, locale);
        }
        if (tranche.spendingOverdue()) {
            return messages.getMessage("tranches.overdue", new Object[]{fmt.date(tranche.spendingDueOn())}, locale);
        }
        return messages.getMessage("tranches.open", new Object[]{fmt.date(tranche.spendingDueOn())}, locale);
    }

    /**
     * The grant as the API has always shown it: the next step in German words, the repayment's amount
     * written like the administration's letters (12.345,67 € with an ordinary space).
     */
    public GrantView forApi(GrantView grant) {
        return grant.withNextStep(nextStep(grant, Locale.GERMAN, Nrw::euros));
    }

    /** The history as the API has always shown it: every fact in German words. */
    public GrantHistory forApi(GrantHistory history) {
        return new GrantHistory(history.grantId(), history.centreId(),
                history.entries().stream().map(e -> e.withFact(fact(e, Locale.GERMAN))).toList());
    }

    private String nextStep(GrantView grant, Locale locale, Function<Money, String> euros) {
        GrantNextStep step = parse(grant.nextStep());
        if (step == null) {
            String byStatus = messages.getMessage("next-step." + grant.status().name(), null, null, locale);
            return byStatus != null ? byStatus : grant.nextStep() == null ? "" : grant.nextStep();
        }
        if (step == GrantNextStep.REPAYMENT) {
            return messages.getMessage("next-step.repayment", new Object[]{euros.apply(grant.repaymentOutstanding())}, locale);
        }
        return messages.getMessage("next-step." + key(step), null, step.name(), locale);
    }

    private static String key(GrantNextStep step) {
        return switch (step) {
            case REVIEW -> "review";
            case DECISION -> "decision";
            case DISBURSEMENT -> "disbursement";
            case REQUEST_FUNDS -> "request-funds";
            case USAGE_REPORT -> "usage-report";
            case REPORT_CHECK -> "report-check";
            case REPAYMENT -> "repayment";
            case NONE -> "none";
        };
    }

    private static GrantNextStep parse(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return GrantNextStep.valueOf(code.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
