package nrw.komman.kernel.activity;

import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** One page of a centre's activity log. */
public record ActivityPage(List<ActivityView> items, int page, int size, long totalItems) {
}
