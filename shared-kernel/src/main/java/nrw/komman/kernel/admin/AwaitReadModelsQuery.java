package nrw.komman.kernel.admin;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** Waits until the read models have processed every event of the given aggregate, so a client's next read shows its own write. Answers true when caught up, false on timeout. */
public record AwaitReadModelsQuery(String aggregateIdentifier, long timeoutMillis) {
}
