package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;

import java.time.*;
import java.util.*;

/** One page of a centre's roster. */
public record VolunteerPage(List<VolunteerView> items, int page, int size, long totalItems) {
}
