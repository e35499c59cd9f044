package nrw.komman.kernel.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.Regierungsbezirk;

/**
 * The grants register filtered by centre, funding year, status, programme part and Regierungsbezirk
 * (all optional). A coordinator sees only their centre's grants.
 */
public record FindGrantsQuery(CentreId centreId, Integer fundingYear, GrantStatus status, ProgrammePart programmePart,
                              Regierungsbezirk regierungsbezirk) {

    public FindGrantsQuery(CentreId centreId, Integer fundingYear, GrantStatus status) {
        this(centreId, fundingYear, status, null, null);
    }
}
