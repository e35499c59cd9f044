package nrw.komman.web.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.GrantFact;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantHistoryEntry;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantNextStep;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.web.platform.export.ExportWording;
import nrw.komman.web.platform.page.Formats;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The read models hold codes; the pages, the API and the exports word them from the message bundles. */
class GrantTextsTest {

    private static final GrantTexts TEXTS = new GrantTexts(bundles(), new Formats());

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static GrantView grant(GrantStatus status, String nextStep, Money demanded, Money repaid) {
        return new GrantView(GrantId.random(), new CentreId("05315"), "Köln", Regierungsbezirk.KOELN, 2026,
                ProgrammePart.PART_II_A, "Treffpunkt", "Zweck", status, Money.ofCents(100_000), null, null, null, null,
                LocalDate.of(2026, 1, 10), "koordination.koeln", null, null, null, nextStep, null, null, null, null,
                null, null, null, null, demanded, repaid);
    }

    private static GrantHistoryEntry entry(String fact) {
        return new GrantHistoryEntry(0, fact, Instant.parse("2026-01-10T09:00:00Z"), "koordination.koeln",
                AccountRole.COORDINATOR, null, GrantStatus.APPLIED, null, null, null, null);
    }

    private static String nextStep(GrantNextStep step, Locale locale) {
        return TEXTS.nextStep(grant(GrantStatus.APPROVED, step.name(), null, null), locale);
    }

    @Test
    void every_next_step_reads_in_german_and_in_english() {
        assertThat(nextStep(GrantNextStep.REVIEW, Locale.GERMAN)).isEqualTo("Antragsprüfung durch die Bezirksregierung");
        assertThat(nextStep(GrantNextStep.DECISION, Locale.GERMAN)).isEqualTo("Entscheidung des Ministeriums");
        assertThat(nextStep(GrantNextStep.DISBURSEMENT, Locale.GERMAN)).isEqualTo("Auszahlung durch die Bezirksregierung");
        assertThat(nextStep(GrantNextStep.REQUEST_FUNDS, Locale.GERMAN)).isEqualTo("Mittelabruf möglich");
        assertThat(nextStep(GrantNextStep.USAGE_REPORT, Locale.GERMAN)).isEqualTo("Verwendungsnachweis einreichen");
        assertThat(nextStep(GrantNextStep.REPORT_CHECK, Locale.GERMAN)).isEqualTo("Prüfung des Verwendungsnachweises");
        assertThat(nextStep(GrantNextStep.NONE, Locale.GERMAN)).isEqualTo("—");
        assertThat(nextStep(GrantNextStep.REVIEW, Locale.ENGLISH)).isEqualTo("Review by the Bezirksregierung");
        assertThat(nextStep(GrantNextStep.REQUEST_FUNDS, Locale.ENGLISH)).isEqualTo("Funds can be requested");
        assertThat(nextStep(GrantNextStep.NONE, Locale.ENGLISH)).isEqualTo("—");
    }

    @Test
    void the_repayment_names_what_is_still_outstanding_on_the_pages_and_in_the_api() {
        GrantView closed = grant(GrantStatus.CLOSED, "REPAYMENT", Money.ofCents(123_456_789), Money.ZERO);
        assertThat(TEXTS.nextStep(closed, Locale.GERMAN)).isEqualTo("Rückzahlung von 1.234.567,89\u00A0€");
        assertThat(TEXTS.nextStep(closed, Locale.ENGLISH)).isEqualTo("Repayment of 1.234.567,89\u00A0€");
        assertThat(TEXTS.forApi(closed).nextStep()).isEqualTo("Rückzahlung von 1.234.567,89 €");
        assertThat(TEXTS.forApi(grant(GrantStatus.APPLIED, "REVIEW", null, null)).nextStep())
                .isEqualTo("Antragsprüfung durch die Bezirksregierung");
    }

    @Test
    void without_a_known_code_the_status_decides_the_next_step() {
        assertThat(TEXTS.nextStep(grant(GrantStatus.REVIEWED, "Prüfung", null, null), Locale.GERMAN))
                .isEqualTo("Entscheidung des Ministeriums");
        assertThat(TEXTS.nextStep(grant(GrantStatus.APPLIED, null, null, null), Locale.ENGLISH))
                .isEqualTo("Review by the Bezirksregierung");
    }

    @Test
    void the_history_names_an_amount_only_when_the_fact_changed_it() {
        assertThat(TEXTS.change(null, null)).as("never \"— → —\"").isNull();
        assertThat(TEXTS.change(Money.ofCents(2_000_000), Money.ofCents(2_000_000))).isNull();
        assertThat(TEXTS.change(null, Money.ZERO)).as("an application disburses nothing: no line").isNull();
        assertThat(TEXTS.change(null, Money.ofCents(2_000_000))).isEqualTo("20.000,00\u00A0€");
        assertThat(TEXTS.change(Money.ZERO, Money.ofCents(500_000))).isEqualTo("0,00\u00A0€ → 5.000,00\u00A0€");
        assertThat(TEXTS.change(Money.ofCents(1_800_000), Money.ofCents(1_600_000))).isEqualTo("18.000,00\u00A0€ → 16.000,00\u00A0€");
    }

    @Test
    void who_recorded_a_fact_reads_without_brackets_in_brackets() {
        GrantHistoryEntry reviewed = new GrantHistoryEntry(1, "REVIEWED", Instant.parse("2026-01-12T13:30:00Z"), "bezreg",
                AccountRole.GRANT_OFFICER, GrantStatus.APPLIED, GrantStatus.REVIEWED, null, null, null, null);
        assertThat(TEXTS.who(reviewed, Locale.GERMAN)).isEqualTo("bezreg, Bewilligungsbehörde (Bezirksregierung)");
        assertThat(TEXTS.status(reviewed, Locale.GERMAN)).isEqualTo("Beantragt → Geprüft");
        GrantHistoryEntry disbursed = new GrantHistoryEntry(2, "DISBURSED", Instant.parse("2026-02-12T13:30:00Z"), "bezreg",
                AccountRole.GRANT_OFFICER, GrantStatus.APPROVED, GrantStatus.APPROVED, null, null, null, null);
        assertThat(TEXTS.status(disbursed, Locale.GERMAN)).as("unchanged: no arrow").isEqualTo("Bewilligt");
    }

    @Test
    void every_fact_reads_in_german_and_in_english_on_the_pages_in_the_api_and_in_the_exports() {
        List<String> german = List.of("Antrag gestellt", "Geprüft", "Bewilligt", "Abgelehnt", "Zurückgezogen",
                "Änderungsbescheid", "Erhöhung vorgeschlagen (wartet auf Bestätigung)",
                "Vorgeschlagene Erhöhung zurückgezogen", "Mittelabruf", "Auszahlung", "Verwendungsnachweis", "Abgeschlossen", "Rückzahlung",
                // issue 19: the facts of the dates
                "Erinnerung: Verwendungsnachweis bald fällig", "Verwendungsnachweis überfällig",
                "Frist für den Verwendungsnachweis geändert", "Als verausgabt gemeldet", "Verausgabung nicht fristgerecht gemeldet",
                "Antragsprüfung überfällig", "Entscheidung überfällig");
        List<String> english = List.of("Applied", "Reviewed", "Approved", "Rejected", "Withdrawn", "Amendment",
                "Raise proposed (awaiting a second approval)", "Proposed raise withdrawn", "Funds requested", "Disbursement", "Usage report", "Closed", "Repayment",
                "Reminder: usage report due soon", "Usage report overdue", "Usage report due date changed", "Reported as spent",
                "Spending not reported in time", "Review overdue", "Decision overdue");
        GrantFact[] facts = GrantFact.values();
        assertThat(facts).hasSize(german.size());
        for (int i = 0; i < facts.length; i++) {
            GrantHistoryEntry entry = entry(facts[i].name());
            assertThat(TEXTS.fact(entry, Locale.GERMAN)).isEqualTo(german.get(i));
            assertThat(TEXTS.fact(entry, Locale.ENGLISH)).isEqualTo(english.get(i));
            assertThat(ExportWording.fact(facts[i].name())).isEqualTo(german.get(i));
        }
        GrantHistory history = new GrantHistory(GrantId.random(), new CentreId("05315"),
                List.of(entry("APPLIED"), entry("REPAID")));
        assertThat(TEXTS.forApi(history).entries()).extracting(GrantHistoryEntry::fact)
                .containsExactly("Antrag gestellt", "Rückzahlung");
    }
}
