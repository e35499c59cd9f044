package nrw.komman.query.grant;

import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.Recommendation;

/** The German words the grants register and the grant history show. */
public final class GrantWording {

    public static final String APPLIED = "Antrag gestellt";
    public static final String REVIEWED = "Geprüft";
    public static final String APPROVED = "Bewilligt";
    public static final String REJECTED = "Abgelehnt";
    public static final String WITHDRAWN = "Zurückgezogen";

    /** Shown when nothing more is due. */
    public static final String NOTHING_DUE = "—";

    private GrantWording() {
    }

    /** What is due next for a grant in this status, and from whom. */
    public static String nextStep(GrantStatus status) {
        return switch (status) {
            case APPLIED -> "Prüfung durch die Bezirksregierung";
            case REVIEWED -> "Entscheidung des Ministeriums";
            case APPROVED -> "Mittelabruf möglich";
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
}
