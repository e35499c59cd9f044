package nrw.komman.kernel.centre;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** An integration centre was established. */
public record CentreEstablishedEvent(CentreId centreId, String name, String type, Regierungsbezirk regierungsbezirk, LocalDate establishedOn) {
}
