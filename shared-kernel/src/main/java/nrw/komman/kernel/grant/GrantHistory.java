package nrw.komman.kernel.grant;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** The complete history of one grant. */
public record GrantHistory(GrantId grantId, CentreId centreId, List<GrantHistoryEntry> entries) {
}
