package nrw.komman.kernel.grant;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** Every fact of one grant in order, for auditors and the parties to the grant. */
public record FetchGrantHistoryQuery(GrantId grantId) {
}
