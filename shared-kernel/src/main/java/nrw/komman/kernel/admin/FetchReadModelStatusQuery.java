package nrw.komman.kernel.admin;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** The state of every read model's event processor. */
public record FetchReadModelStatusQuery() {
}
