package nrw.komman.command.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.grant.GrantId;

import java.time.LocalDate;

/**
 * Port: the register of grant files and the day of their usage report, from which the keeping period of a
 * grant file runs (ADR 9). The grant aggregate writes it in the transaction of the usage report.
 */
public interface GrantFiles {

    void usageReported(GrantId grantId, CentreId centreId, int fundingYear, LocalDate reportedOn);
}
