package nrw.komman.command.centre;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.common.RuleViolationException;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Port: what the volunteer and grant aggregates need to know about a centre. A port rather than a
 * direct repository call keeps their fixture tests simple (a fake is one line).
 */
public interface CentreRegistry {

    /** The centre's facts, or empty when it was never established. */
    Optional<CentreFacts> find(CentreId centreId);

    /** The centre's facts if it is open on the given day; otherwise a refusal (409) that says why. */
    default CentreFacts requireOpenOn(CentreId centreId, LocalDate day) {
        CentreFacts centre = find(centreId).orElseThrow(() -> new RuleViolationException("centre.not-established",
                "Das Integrationszentrum " + centreId + " ist nicht eingerichtet."));
        if (centre.isClosedOn(day)) {
            throw new RuleViolationException("centre.closed",
                    "Das Integrationszentrum " + centreId + " ist geschlossen.");
        }
        if (day.isBefore(centre.establishedOn())) {
            throw new RuleViolationException("centre.not-yet-established",
                    "Das Integrationszentrum " + centreId + " wird erst zum " + Nrw.date(centre.establishedOn()) + " eingerichtet.");
        }
        return centre;
    }

    /** An established centre: since when, and until when if closed. */
    record CentreFacts(CentreId centreId, LocalDate establishedOn, LocalDate closedOn) {

        public boolean isClosedOn(LocalDate day) {
            return closedOn != null && !day.isBefore(closedOn);
        }

        public boolean isOpenOn(LocalDate day) {
            return !day.isBefore(establishedOn) && !isClosedOn(day);
        }
    }
}
