package nrw.komman.kernel.ministry;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** The ministry's overview of one funding year. */
public record MinistryOverview(int fundingYear, Figures state, List<RegionFigures> regions, List<CentreFigures> centres) {
}
