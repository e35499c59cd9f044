package nrw.komman.web.coordination;

import nrw.komman.kernel.common.DomainException;
import nrw.komman.kernel.coordination.CertificateId;
import nrw.komman.kernel.coordination.CertificateLine;
import nrw.komman.kernel.coordination.CertificateVerification;
import nrw.komman.web.platform.page.PageController;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public check of an Ehrenamtsnachweis by its number, without an account: "echt, ausgestellt von … am …" with the
 * totals, or that it cannot be confirmed (unknown number, or the holder's data erased since).
 */
@PageController
class CertificatePages {

    static final String PATH = "/nachweis/";

    private final PersonalLinkAccess access;

    CertificatePages(PersonalLinkAccess access) {
        this.access = access;
    }

    static String verificationUrl(CertificateId id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(PATH + id).build().toUriString();
    }

    @GetMapping(PATH + "{certificateId}")
    String verify(@PathVariable String certificateId, Model model, jakarta.servlet.http.HttpServletResponse response) {
        CertificateVerification found = null;
        try {
            found = CertificateChecks.verify(access, nrw.komman.web.platform.Ids.certificate("certificateId", certificateId));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.RULE_VIOLATED) {
                throw e;
            }
        }
        if (found == null || !found.valid()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("valid", false);
            return "coordination/certificate-check";
        }
        model.addAttribute("valid", true);
        model.addAttribute("certificate", found);
        model.addAttribute("years", PersonalLinkPages.years(found.lines()));
        model.addAttribute("minutes", found.lines() == null ? 0 : found.lines().stream().mapToLong(CertificateLine::minutes).sum());
        return "coordination/certificate-check";
    }
}
