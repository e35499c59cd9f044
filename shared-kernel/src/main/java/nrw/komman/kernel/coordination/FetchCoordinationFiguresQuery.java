package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/**
 * The state's coordination figures as counts only: requests, staffing, time to staff and unmet demand by language
 * and Regierungsbezirk. {@code asOf} null means now.
 */
public record FetchCoordinationFiguresQuery(LocalDate asOf) {
}
