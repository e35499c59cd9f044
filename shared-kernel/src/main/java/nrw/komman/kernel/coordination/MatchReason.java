package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/**
 * Why a volunteer is proposed (or ranked lower), as a code and its detail; the web puts it into words.
 * Codes: {@code language} (detail: the language code), {@code interest} (the category), {@code available}
 * (e.g. {@code TUESDAY:MORNING}), {@code availability-unknown}, {@code load} (assignments this month),
 * {@code free} (not booked at that time), {@code asked} (already asked or offered for this request).
 */
public record MatchReason(String code, String detail) {
}
