package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/**
 * Issue a confirmation of volunteering (Ehrenamtsnachweis): the aggregate totals the volunteer's activities per year
 * and category itself, so the certificate says what the records say.
 */
public record IssueCertificateCommand(@TargetAggregateIdentifier VolunteerId volunteerId, CertificateId certificateId) {

    public IssueCertificateCommand {
        Guard.required(volunteerId, "volunteerId", "Die Kennung der/des Ehrenamtlichen");
        Guard.required(certificateId, "certificateId", "Die Nummer des Nachweises");
    }
}
