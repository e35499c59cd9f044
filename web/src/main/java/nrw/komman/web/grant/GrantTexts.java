package nrw.komman.web.grant;

import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.GrantHistoryEntry;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.web.platform.page.Formats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;

import static java.util.Map.entry;

/**
 * The words of a grant in the user's language, for the templates ({@code ${@grantText.nextStep(g, #locale)}}).
 * The query side decides what is due next and names the facts of a history in German; this maps its
 * wording to the message bundle, so the English pages say the same. Wording the bundle does not know
 * is shown as the query side wrote it; without any, the status decides.
 */
@Component("grantText")
public class GrantTexts {

    /** The query side's German names of the facts in a history → bundle key suffix. */
    private static final Map<String, String> FACTS = Map.ofEntries(
            entry("Antrag gestellt", "APPLIED"), entry("Geprüft", "REVIEWED"), entry("Bewilligt", "APPROVED"),
            entry("Abgelehnt", "REJECTED"), entry("Zurückgezogen", "WITHDRAWN"), entry("Änderungsbescheid", "AMENDED"),
            entry("Mittelabruf", "FUNDS_REQUESTED"), entry("Auszahlung", "DISBURSED"),
            entry("Verwendungsnachweis", "USAGE_REPORTED"), entry("Abgeschlossen", "CLOSED"), entry("Rückzahlung", "REPAID"));

    /** The query side's next steps → bundle key suffix (the repayment one carries its amount). */
    private static final Map<String, String> NEXT_STEPS = Map.ofEntries(
            entry("Prüfung durch die Bezirksregierung", "review"), entry("Entscheidung des Ministeriums", "decision"),
            entry("Auszahlung durch die Bezirksregierung", "disbursement"), entry("Mittelabruf möglich", "request-funds"),
            entry("Verwendungsnachweis einreichen", "usage-report"), entry("Prüfung des Verwendungsnachweises", "report-check"),
            entry("—", "none"));
    private static final String REPAYMENT = "Rückzahlung von ";

    private final MessageSource messages;
    private final Formats fmt;

    public GrantTexts(MessageSource messages, Formats fmt) {
        this.messages = messages;
        this.fmt = fmt;
    }

    public String nextStep(GrantView grant, Locale locale) {
        String wording = grant.nextStep() == null ? "" : grant.nextStep().strip();
        if (wording.startsWith(REPAYMENT)) {
            Money outstanding = grant.repaymentOutstanding();
            return messages.getMessage("next-step.repayment", new Object[]{fmt.euro(outstanding)}, wording, locale);
        }
        String key = NEXT_STEPS.get(wording);
        if (key != null) {
            return messages.getMessage("next-step." + key, null, wording, locale);
        }
        String byStatus = messages.getMessage("next-step." + grant.status().name(), null, null, locale);
        return byStatus != null ? byStatus : wording;
    }

    public String fact(GrantHistoryEntry entry, Locale locale) {
        String key = entry.fact() == null ? null : FACTS.get(entry.fact().strip());
        if (key != null) {
            return messages.getMessage("history.fact." + key, null, entry.fact(), locale);
        }
        if (entry.fact() != null && !entry.fact().isBlank()) {
            return entry.fact();
        }
        return messages.getMessage("history.fact." + entry.statusAfter().name(), null, entry.statusAfter().name(), locale);
    }
}
