package nrw.komman.command.volunteer;

import nrw.komman.kernel.volunteer.VolunteerId;

import java.util.List;

/**
 * Port: the free texts that older releases stored in plain form in a volunteer's events (the reason of a
 * correction or withdrawal, the consent's document; revision 0 of those events). They cannot be sealed
 * afterwards, so the erasure removes them from the stored rows, in its own transaction: the one exception to
 * the immutability of the event store (ADR 21).
 */
public interface LegacyPlainTexts {

    /**
     * Removes the plain texts from the volunteer's stored events (and drops snapshots of the volunteer, which are
     * only a cache of those events).
     *
     * @return the identifiers of the events rewritten, in the order of the stream; empty if none held plain text
     */
    List<String> redact(VolunteerId volunteerId);
}
