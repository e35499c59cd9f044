package nrw.komman.kernel.ministry;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** State-wide figures for a funding year: per centre, per Regierungsbezirk and for the state. */
public record FetchMinistryOverviewQuery(int fundingYear) {

    public FetchMinistryOverviewQuery {
        FundingYear.validate(fundingYear);
    }
}
