package nrw.komman.web.coordination;

import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.coordination.CertificateId;
import nrw.komman.kernel.coordination.CertificateVerification;
import nrw.komman.kernel.coordination.VerifyCertificateQuery;

/** Checking a certificate's number: asked as {@link Actor#PERSONAL_LINK}, since whoever holds the paper may check it. */
final class CertificateChecks {

    private CertificateChecks() {
    }

    static CertificateVerification verify(PersonalLinkAccess access, CertificateId id) {
        return access.ask(Actor.PERSONAL_LINK, new VerifyCertificateQuery(id), CertificateVerification.class)
                .orElseThrow(() -> new NotFoundException("certificate.unknown",
                        "Einen Ehrenamtsnachweis mit dieser Nummer gibt es nicht."));
    }
}
