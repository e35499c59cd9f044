package nrw.komman.kernel.centre;

import nrw.komman.kernel.common.InvalidInputException;

/** The five administrative regions of North Rhine-Westphalia, named by the third digit of the AGS. */
public enum Regierungsbezirk {
    DUESSELDORF('1', "Düsseldorf"),
    KOELN('3', "Köln"),
    MUENSTER('5', "Münster"),
    DETMOLD('7', "Detmold"),
    ARNSBERG('9', "Arnsberg");

    private final char digit;
    private final String displayName;

    Regierungsbezirk(char digit, String displayName) {
        this.digit = digit;
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public static Regierungsbezirk ofDigit(char digit) {
        for (Regierungsbezirk r : values()) {
            if (r.digit == digit) {
                return r;
            }
        }
        throw new InvalidInputException("centre.id.region", "Der Schlüssel nennt keinen Regierungsbezirk in NRW.");
    }
}
