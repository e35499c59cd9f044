package nrw.komman.kernel.centre;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** All centres, established and closed, ordered by key. */
public record FindCentresQuery() {
}
