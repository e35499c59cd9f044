package nrw.komman.kernel.coordination;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** Check a confirmation of volunteering by its number, as printed on it. */
public record VerifyCertificateQuery(CertificateId certificateId) {

    public VerifyCertificateQuery {
        Guard.required(certificateId, "certificateId", "Die Nummer des Nachweises");
    }
}
