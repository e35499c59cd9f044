package nrw.komman.kernel.ministry;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** The figures of one centre. */
public record CentreFigures(CentreId centreId, String name, Regierungsbezirk regierungsbezirk, Figures figures) {
}
