package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/** A confirmation of volunteering was issued by the volunteer's centre, with its totals. */
public record CertificateIssuedEvent(VolunteerId volunteerId, CentreId centreId, CertificateId certificateId,
                                     LocalDate issuedOn, List<CertificateLine> lines) {
}
