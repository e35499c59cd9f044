package nrw.komman.kernel.centre;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** A centre as everyone may see it. */
public record CentreView(CentreId centreId, String name, String type, Regierungsbezirk regierungsbezirk, boolean established, LocalDate establishedOn, LocalDate closedOn) {
}
