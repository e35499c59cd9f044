package nrw.komman.command.coordination;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.coordination.HelpRequestId;

import java.time.LocalDate;

/**
 * Port: the command side's register of ended requests for help (closed or cancelled) whose requester's data is
 * still kept, written in the transaction of the request's commands like the register of inactive volunteers.
 */
public interface RequesterRetention {

    void ended(HelpRequestId requestId, CentreId centreId, LocalDate on);

    void erased(HelpRequestId requestId);
}
