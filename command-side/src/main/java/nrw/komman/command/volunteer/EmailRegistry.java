package nrw.komman.command.volunteer;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.volunteer.VolunteerId;

/**
 * Port: the set-based check of domain rule 4, an e-mail address belongs to at most one active volunteer
 * (ADR 3, amended by ADR 27). The volunteer aggregate cannot see other volunteers, so it asks here, inside the
 * transaction of its command: a refusal rolls the command back, a success commits with its events.
 * <p>
 * Two promises, so that a coordinator learns nothing about another centre's volunteers:
 * <ul>
 *   <li>within a centre an address belongs to one active volunteer; a second one is refused
 *       ({@link #alreadyTaken()}), which tells the coordinator only about their own centre;</li>
 *   <li>platform-wide one active volunteer holds the address's <em>claim</em>. An address claimed in another
 *       centre is accepted exactly like a free one, but held without the claim; the platform writes only to
 *       claimed addresses, and a held address takes the claim when it is freed (deactivation, erasure, a new
 *       address of the holder). Whether an address is claimed or held is told to no coordinator.</li>
 * </ul>
 * The registry remembers each volunteer's current address (as a fingerprint), so deactivation and
 * reactivation need no plain address, which the aggregate never keeps.
 */
public interface EmailRegistry {

    /** Registration: remember the address (may be null) of the new, active volunteer and claim or hold it. */
    default void register(VolunteerId volunteerId, CentreId centreId, String email) {
        changeAddress(volunteerId, centreId, email, true);
    }

    /** Profile update: remember the new address (null: none); while active, the claim moves with it (or it is held). */
    void changeAddress(VolunteerId volunteerId, CentreId centreId, String email, boolean active);

    /** Deactivation: the claim is freed (a held address may take it); the address stays remembered for a reactivation. */
    void release(VolunteerId volunteerId);

    /** Reactivation: claim (or hold) the remembered address again; refused if an active volunteer of the centre has it. */
    void reclaim(VolunteerId volunteerId, CentreId centreId);

    /**
     * Erasure: release the claim and forget the remembered fingerprint, so nothing derived from the
     * address is left and the address is free for a new registration (or taken by one that holds it).
     */
    void forget(VolunteerId volunteerId);

    /** Said only about the coordinator's own centre: another active volunteer there has the address. */
    static RuleViolationException alreadyTaken() {
        return new RuleViolationException("volunteer.email.taken",
                "Diese E-Mail-Adresse ist in Ihrem Integrationszentrum bereits für eine aktive Person registriert.");
    }
}
