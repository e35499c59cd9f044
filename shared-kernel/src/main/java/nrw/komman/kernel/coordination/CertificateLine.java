package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** One line of a confirmation of volunteering: minutes in a category in a year (withdrawn activities not counted). */
public record CertificateLine(int year, ActivityCategory category, long minutes) {
}
