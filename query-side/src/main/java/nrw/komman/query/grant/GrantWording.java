package nrw.komman.query.grant;

import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.grant.Recommendation;

/**
 * The German sentences the grant history composes from an event's figures as its reason (the facts
 * themselves and the next step are stored as codes, {@code GrantFact} and {@code GrantNextStep}).
 */
final class GrantWording {

    private GrantWording() {
    }

    static String recommendation(Recommendation recommendation) {
        if (recommendation == null) {
            return "keine";
        }
        return switch (recommendation) {
            case APPROVE -> "Bewilligung";
            case REJECT -> "Ablehnung";
        };
    }

    /** The history's short line for a usage report; the narrative itself stays in the register. */
    static String usageReportSummary(Money spent, int volunteersReached) {
        return "Verausgabt: " + Nrw.euros(spent) + ", erreichte Ehrenamtliche: " + volunteersReached;
    }
}
