package nrw.komman.command.volunteer;

import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.volunteer.VolunteerId;

/**
 * Port: the set-based check that an e-mail address belongs to at most one ACTIVE volunteer of the
 * whole platform. The volunteer aggregate cannot see other volunteers, so it asks here, inside the
 * transaction of its command: a refusal rolls the command back, a success commits with its events.
 * <p>
 * The registry remembers each volunteer's current address (as a fingerprint), so deactivation and
 * reactivation need no plain address, which the aggregate never keeps.
 */
public interface EmailRegistry {

    /** Registration: remember the address (may be null) and claim it for the new, active volunteer. */
    default void register(VolunteerId volunteerId, String email) {
        changeAddress(volunteerId, email, true);
    }

    /** Profile update: remember the new address (null: none); while active, the claim moves with it. */
    void changeAddress(VolunteerId volunteerId, String email, boolean active);

    /** Deactivation: the address is free for others; it stays remembered for a reactivation. */
    void release(VolunteerId volunteerId);

    /** Reactivation: claim the remembered address again; refused if another active volunteer has it meanwhile. */
    void reclaim(VolunteerId volunteerId);

    /**
     * Erasure: release the claim and forget the remembered fingerprint, so nothing derived from the
     * address is left and the address is free for a new registration.
     */
    void forget(VolunteerId volunteerId);

    static RuleViolationException alreadyTaken() {
        return new RuleViolationException("volunteer.email.taken",
                "Diese E-Mail-Adresse ist bereits für eine aktive Person registriert.");
    }
}
