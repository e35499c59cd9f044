package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/**
 * What a certificate's number confirms: who issued it, when, and the totals; the holder's name while it is not
 * erased (after erasure the certificate can no longer be confirmed and {@code valid} is false).
 */
public record CertificateVerification(CertificateId certificateId, CentreId centreId, String centreName,
                                      String volunteerName, LocalDate issuedOn, List<CertificateLine> lines,
                                      boolean valid) {
}
