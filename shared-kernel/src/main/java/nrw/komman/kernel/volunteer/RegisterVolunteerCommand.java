package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.*;
import java.util.*;

/**
 * A coordinator registers a volunteer with their centre. {@code registeredOn} is today when absent;
 * an earlier date records a volunteer who started before the platform (never a future date). {@code emailConsent},
 * when given, is recorded in the same command ({@link EmailConsentGivenEvent}).
 */
public record RegisterVolunteerCommand(@TargetAggregateIdentifier VolunteerId volunteerId, CentreId centreId, PersonalData personalData, ConsentRecord consent, LocalDate registeredOn, ConsentRecord emailConsent) {

    /** A registration without consent to e-mail. */
    public RegisterVolunteerCommand(VolunteerId volunteerId, CentreId centreId, PersonalData personalData,
                                    ConsentRecord consent, LocalDate registeredOn) {
        this(volunteerId, centreId, personalData, consent, registeredOn, null);
    }

    public RegisterVolunteerCommand {
        Guard.required(volunteerId, "volunteerId", "Die Kennung");
        Guard.required(centreId, "centreId", "Das Integrationszentrum");
        Guard.required(personalData, "personalData", "Die Angaben zur Person");
        Guard.required(consent, "consent", "Die Einwilligung zur Datenverarbeitung");
    }
}
