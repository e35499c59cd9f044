package nrw.komman.kernel.grant;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** Grants filtered by centre, funding year and status (all optional). A coordinator sees only their centre's. */
public record FindGrantsQuery(CentreId centreId, Integer fundingYear, GrantStatus status) {
}
