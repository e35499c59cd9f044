package nrw.komman.query.grant;

import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.Recommendation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The German words the grants register and the grant history show. */
public final class GrantWording {

    public static final String APPLIED = "Antrag gestellt";
    public static final String REVIEWED = "Geprüft";
    public static final String APPROVED = "Bewilligt";
    public static final String REJECTED = "Abgelehnt";
    public static final String WITHDRAWN = "Zurückgezogen";
    public static final String AMENDED = "Änderungsbescheid";
    public static final String FUNDS_REQUESTED = "Mittelabruf";
    public static final String DISBURSED = "Auszahlung";
    public static final String USAGE_REPORTED = "Verwendungsnachweis";
    public static final String CLOSED = "Abgeschlossen";
    public static final String REPAID = "Rückzahlung";

    /** Shown when nothing more is due. */
    public static final String NOTHING_DUE = "—";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY);

    private GrantWording() {
    }

    /**
     * What is due next for a grant, and from whom. While approved it depends on the money: an open
     * funds request waits for the grant authority, undisbursed money may be drawn, and once
     * everything is disbursed the usage report is due. A closed grant waits for the repayment still
     * outstanding. Null amounts count as zero.
     */
    public static String nextStep(GrantStatus status, Money fundsRequested, Money disbursable, Money repaymentOutstanding) {
        return switch (status) {
            case APPLIED -> "Prüfung durch die Bezirksregierung";
            case REVIEWED -> "Entscheidung des Ministeriums";
            case APPROVED -> {
                if (positive(fundsRequested)) {
                    yield "Auszahlung durch die Bezirksregierung";
                }
                yield positive(disbursable) ? "Mittelabruf möglich" : "Verwendungsnachweis einreichen";
            }
            case USAGE_REPORTED -> "Prüfung des Verwendungsnachweises";
            case CLOSED -> positive(repaymentOutstanding) ? "Rückzahlung von " + euros(repaymentOutstanding) : NOTHING_DUE;
            case REJECTED, WITHDRAWN -> NOTHING_DUE;
        };
    }

    public static String recommendation(Recommendation recommendation) {
        if (recommendation == null) {
            return "keine";
        }
        return switch (recommendation) {
            case APPROVE -> "Bewilligung";
            case REJECT -> "Ablehnung";
        };
    }

    /** An amount as the administration writes it: 12.500,00 €. */
    public static String euros(Money amount) {
        return String.format(Locale.GERMANY, "%,.2f €", amount.toBigDecimal());
    }

    /** A date as the administration writes it: 05.04.2025. */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** The history's short line for a usage report; the narrative itself stays in the register. */
    public static String usageReportSummary(Money spent, int volunteersReached) {
        return "Verausgabt: " + euros(spent) + ", erreichte Ehrenamtliche: " + volunteersReached;
    }

    private static boolean positive(Money amount) {
        return amount != null && !amount.isZero();
    }
}
