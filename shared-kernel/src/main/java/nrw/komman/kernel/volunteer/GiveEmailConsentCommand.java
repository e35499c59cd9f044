package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.common.Guard;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A coordinator records the volunteer's consent to be contacted by e-mail (issue 19): what was agreed to, in which
 * version, and when, like the consent to data processing. Without it the platform sends the volunteer no e-mail.
 */
public record GiveEmailConsentCommand(@TargetAggregateIdentifier VolunteerId volunteerId, ConsentRecord consent) {

    public GiveEmailConsentCommand {
        Guard.required(volunteerId, "volunteerId", "Die Kennung");
        Guard.required(consent, "emailConsent", "Die Einwilligung in den Kontakt per E-Mail");
    }
}
