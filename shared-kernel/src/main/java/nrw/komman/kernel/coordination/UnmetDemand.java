package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/**
 * Requests of a Regierungsbezirk asking for a language that are not (fully) staffed, and how many volunteer places
 * are missing: "which languages are missing where".
 */
public record UnmetDemand(Regierungsbezirk regierungsbezirk, String language, int requests, int missingVolunteers) {
}
