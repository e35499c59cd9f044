package nrw.komman.kernel.centre;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** A centre as everyone may see it; {@code pendingClosure} is a proposal to close it not yet confirmed (null: none). */
public record CentreView(CentreId centreId, String name, String type, Regierungsbezirk regierungsbezirk, boolean established,
                         LocalDate establishedOn, LocalDate closedOn, ClosureProposal pendingClosure) {

    /** A centre without a pending proposal to close it. */
    public CentreView(CentreId centreId, String name, String type, Regierungsbezirk regierungsbezirk, boolean established,
                      LocalDate establishedOn, LocalDate closedOn) {
        this(centreId, name, type, regierungsbezirk, established, establishedOn, closedOn, null);
    }
}
