package nrw.komman.kernel.coordination;

import nrw.komman.kernel.centre.CentreId;

import java.time.Instant;

/**
 * The request starts soon and is not staffed (a deadline of the request, recorded by the platform): fewer
 * volunteers confirmed than it needs. The centre's coordinators are told; the board shows it first.
 *
 * @param startsAt  when its first occurrence starts
 * @param confirmed the volunteers confirmed when the deadline passed
 * @param needed    the volunteers the request needs
 */
public record HelpRequestUnstaffedEvent(HelpRequestId requestId, CentreId centreId, Instant startsAt, int confirmed,
                                        int needed) {
}
