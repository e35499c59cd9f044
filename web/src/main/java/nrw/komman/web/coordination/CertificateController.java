package nrw.komman.web.coordination;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.coordination.CertificateId;
import nrw.komman.kernel.coordination.CertificateVerification;
import nrw.komman.kernel.coordination.IssueCertificateCommand;
import nrw.komman.kernel.coordination.VerifyCertificateQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.Responses;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Confirmations of volunteering (Ehrenamtsnachweise): coordinators issue them for a volunteer of their centre; anyone
 * holding the number printed on one checks it (no account: the number is what it is printed for).
 */
@RestController
@Tag(name = "Certificates", description = "Confirmations of volunteering (Ehrenamtsnachweis) and their public check")
class CertificateController {

    private final CommandDispatcher commands;
    private final PersonalLinkAccess access;

    CertificateController(CommandDispatcher commands, PersonalLinkAccess access) {
        this.commands = commands;
        this.access = access;
    }

    @PostMapping(path = "/api/volunteers/{volunteerId}/certificates", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue a confirmation of volunteering with the volunteer's hours per year and category")
    public ResponseEntity<PersonalLinkController.CertificateIssued> issue(@PathVariable String volunteerId) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        CertificateId certificate = CertificateId.random();
        commands.sendAndAwait(new IssueCertificateCommand(id, certificate), id);
        return Responses.created("/api/certificates/{certificateId}", new PersonalLinkController.CertificateIssued(certificate), certificate);
    }

    @GetMapping(path = "/api/certificates/{certificateId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check a confirmation of volunteering by its number (public)")
    public CertificateVerification verify(@PathVariable String certificateId) {
        CertificateId id = Ids.certificate("certificateId", certificateId);
        return CertificateChecks.verify(access, id);
    }
}
