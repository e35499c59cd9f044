package nrw.komman.web.volunteer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nrw.komman.kernel.volunteer.EmailConsentStatus;
import nrw.komman.kernel.volunteer.FetchEmailConsentQuery;
import nrw.komman.kernel.volunteer.GiveEmailConsentCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.WithdrawEmailConsentCommand;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;


/**
 * A volunteer's consent to be contacted by e-mail (issue 19), for the coordinators of the volunteer's centre: read
 * it, record it (like the consent to data processing: declaration, version, when signed), withdraw it. The volunteer
 * withdraws it themself through their link ({@code /api/link/{token}/email-consent/withdrawal}).
 */
@RestController
@Tag(name = "Volunteers")
class EmailConsentController {

    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final Today today;

    EmailConsentController(CommandDispatcher commands, QueryDispatcher queries, Today today) {
        this.commands = commands;
        this.queries = queries;
        this.today = today;
    }

    @GetMapping(path = "/api/volunteers/{volunteerId}/email-consent", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The volunteer's consent to be contacted by e-mail: version, given at, withdrawn at (all null: never given)")
    public EmailConsentStatus consent(@PathVariable String volunteerId) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        return queries.one(new FetchEmailConsentQuery(id), EmailConsentStatus.class, "volunteer.not-found",
                "Unter der Kennung " + id + " ist niemand registriert.");
    }

    @PostMapping(path = "/api/volunteers/{volunteerId}/email-consent", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the volunteer's consent to be contacted by e-mail")
    public ResponseEntity<Void> give(@PathVariable String volunteerId, @Valid @RequestBody ConsentRequest consent) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        commands.sendAndAwait(new GiveEmailConsentCommand(id, consent.toRecord()), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/volunteers/{volunteerId}/email-consent/withdrawal")
    @Operation(summary = "Withdraw the consent to e-mail now: no more e-mail, the e-mailed link stops, nothing is erased")
    public ResponseEntity<Void> withdraw(@PathVariable String volunteerId) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        commands.sendAndAwait(new WithdrawEmailConsentCommand(id, today.now()), id);
        return ResponseEntity.noContent().build();
    }
}
