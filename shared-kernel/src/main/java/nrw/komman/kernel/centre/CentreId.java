package nrw.komman.kernel.centre;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import nrw.komman.kernel.common.InvalidInputException;

import java.util.regex.Pattern;

/**
 * A centre is identified by the official key (Amtlicher Gemeindeschlüssel) of its Kreis or
 * kreisfreie Stadt: five digits ({@code 05315} Köln), or eight for a municipality with a centre of
 * its own ({@code 05334002} Stadt Aachen). All of North Rhine-Westphalia's keys start with 05.
 */
public record CentreId(String value) {

    private static final Pattern AGS = Pattern.compile("05[13579]\\d{2}(\\d{3})?");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CentreId {
        if (value == null || !AGS.matcher(value).matches()) {
            throw new InvalidInputException("centre.id.malformed",
                    "Kein gültiger Schlüssel eines Integrationszentrums in NRW (z. B. 05315 für Köln).");
        }
    }

    /** The Regierungsbezirk is the third digit of the key. */
    public Regierungsbezirk regierungsbezirk() {
        return Regierungsbezirk.ofDigit(value.charAt(2));
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
