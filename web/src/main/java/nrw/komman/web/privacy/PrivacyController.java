package nrw.komman.web.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nrw.komman.kernel.privacy.EraseVolunteerDataCommand;
import nrw.komman.kernel.privacy.ErasureReason;
import nrw.komman.kernel.privacy.FetchVolunteerDataExportQuery;
import nrw.komman.kernel.privacy.RetentionPlan;
import nrw.komman.kernel.privacy.VolunteerDataExport;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.privacy.VolunteerDataFiles;
import nrw.komman.web.platform.problem.InvalidFieldException;
import nrw.komman.web.platform.security.CentreAccess;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The volunteers' rights under the DSGVO: erasure (Art. 17) by crypto-shredding, the withdrawal of consent (which
 * erases at once), the information on everything held (Art. 15) as JSON and PDF; and the retention rules for
 * administrators (dry run and run). Erasure and the information: coordinators of the volunteer's centre and
 * administrators; the withdrawal of consent: the centre's coordinators. Ministry, auditors and the grant
 * authority never reach these addresses (SecurityConfiguration), and the domain checks the centre again.
 */
@RestController
@Tag(name = "Data protection", description = "Erasure, withdrawal of consent, information (Art. 15 DSGVO), retention rules")
class PrivacyController {

    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final VolunteerDataFiles files;
    private final RetentionRuns retention;

    PrivacyController(CommandDispatcher commands, QueryDispatcher queries, VolunteerDataFiles files,
                      RetentionRuns retention) {
        this.commands = commands;
        this.queries = queries;
        this.files = files;
        this.retention = retention;
    }

    @PostMapping(path = "/api/volunteers/{volunteerId}/erasure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Erase the volunteer's personal data (irreversible; counts and hours stay under the pseudonymous id)",
            description = "Body {\"reason\": \"REQUEST\"}. Coordinators of the volunteer's centre and administrators.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> erase(@PathVariable String volunteerId, @Valid @RequestBody ErasureRequest request) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        if (request.reason() != ErasureReason.REQUEST) {
            throw new InvalidFieldException("reason", "erasure.reason.unsupported", request.reason() == ErasureReason.CONSENT_WITHDRAWN
                    ? "Ein Widerruf der Einwilligung wird unter /api/volunteers/{id}/consent-withdrawal mit seinem Zeitpunkt erfasst."
                    : "Löschungen nach den Löschfristen führt die Administration als Löschlauf aus (/api/admin/retention/runs).");
        }
        commands.sendAndAwait(new EraseVolunteerDataCommand(id, ErasureReason.REQUEST), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/volunteers/{volunteerId}/consent-withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the withdrawal of consent; the personal data is erased at once",
            description = "Body {\"withdrawnAt\": \"2026-03-01T09:30:00Z\"}, not in the future. Coordinators of the volunteer's centre.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> withdrawConsent(@PathVariable String volunteerId,
                                                @Valid @RequestBody ConsentWithdrawalRequest request) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        commands.sendAndAwait(request.toCommand(id), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/volunteers/{volunteerId}/data-export", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Everything held on the volunteer (Art. 15 DSGVO): profile, consent history, activities",
            description = "After erasure the personal fields are null and erased is true.")
    public ResponseEntity<VolunteerDataExport> export(@PathVariable String volunteerId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(read(volunteerId));
    }

    @GetMapping(path = "/api/volunteers/{volunteerId}/data-export.pdf",
            produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.ALL_VALUE})
    @Operation(summary = "The same information as a readable PDF, with the volunteer's rights")
    public ResponseEntity<byte[]> exportPdf(@PathVariable String volunteerId) {
        VolunteerDataExport export = read(volunteerId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(files.fileName(export, "pdf")).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(files.pdf(export));
    }

    @GetMapping(path = "/api/admin/retention", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Dry run of the retention rules: whose personal data a run would erase today, and which grant files are due")
    public RetentionPlan plan() {
        return retention.plan();
    }

    @PostMapping(path = "/api/admin/retention/runs", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Run the retention rules now: erases the listed volunteers and records the run",
            description = "Answers 201 with the run's id, the volunteers it erased and the number of grant files due.")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<RetentionRuns.RetentionRunResult> run() {
        return ResponseEntity.status(HttpStatus.CREATED).body(retention.run());
    }

    private VolunteerDataExport read(String volunteerId) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        VolunteerDataExport export = queries.one(new FetchVolunteerDataExportQuery(id), VolunteerDataExport.class,
                "volunteer.not-found", "Unter der Kennung " + id + " ist niemand registriert.");
        CentreAccess.requireOwnCentre(export.centreId());
        return export;
    }
}
