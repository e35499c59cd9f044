package nrw.komman.web.coordination;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.coordination.CertificateId;
import nrw.komman.kernel.coordination.ConfirmAssignmentCommand;
import nrw.komman.kernel.coordination.DeclineAssignmentCommand;
import nrw.komman.kernel.coordination.IssueCertificateCommand;
import nrw.komman.kernel.coordination.UpdateAvailabilityCommand;
import nrw.komman.kernel.coordination.VolunteerOwnPage;
import nrw.komman.web.platform.Responses;
import nrw.komman.web.platform.Today;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The volunteer through their personal link, without an account: the token in the path is the credential
 * ({@link PersonalLinkAccess}). Everything is done as the volunteer ({@code Actor.volunteer}); an unknown, revoked or
 * expired link, or one of a deactivated or erased volunteer, answers 404 {@code link.unknown} and names nothing.
 */
@RestController
@Tag(name = "Volunteer's own link", description = "The volunteer's own page, answers, availability, certificate and calendar through their personal link (no account)")
class PersonalLinkController {

    private final PersonalLinkAccess access;
    private final PersonalLinkAssignments assignments;
    private final CalendarFeeds calendars;
    private final Today today;

    PersonalLinkController(PersonalLinkAccess access, PersonalLinkAssignments assignments, CalendarFeeds calendars,
                           Today today) {
        this.access = access;
        this.today = today;
        this.assignments = assignments;
        this.calendars = calendars;
    }

    public record DeclineRequest(@Size(max = 500) String reason) {
    }

    public record CertificateIssued(CertificateId certificateId) {
    }

    @GetMapping(path = "/api/link/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The volunteer's own page: name, centre, upcoming assignments, hours, availability")
    public VolunteerOwnPage page(@PathVariable String token) {
        return assignments.ownPage(access.resolve(token));
    }

    @PostMapping("/api/link/{token}/assignments/{assignmentId}/confirmation")
    @Operation(summary = "Say yes to an assignment (not one in the past)")
    public ResponseEntity<Void> confirm(@PathVariable String token, @PathVariable String assignmentId) {
        PersonalLinkAccess.Holder holder = access.resolve(token);
        var assignment = assignments.own(holder, assignmentId);
        access.send(holder.actor(), new ConfirmAssignmentCommand(assignment.requestId(), assignment.assignmentId()),
                assignment.requestId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/link/{token}/assignments/{assignmentId}/declination", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Say no to an assignment, with an optional reason ({} for none)")
    public ResponseEntity<Void> decline(@PathVariable String token, @PathVariable String assignmentId,
                                        @Valid @RequestBody DeclineRequest request) {
        PersonalLinkAccess.Holder holder = access.resolve(token);
        var assignment = assignments.own(holder, assignmentId);
        access.send(holder.actor(), new DeclineAssignmentCommand(assignment.requestId(), assignment.assignmentId(),
                request.reason()), assignment.requestId());
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/api/link/{token}/availability", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace when the volunteer is usually free and when they are away")
    public ResponseEntity<Void> availability(@PathVariable String token, @Valid @RequestBody AvailabilityRequest request) {
        PersonalLinkAccess.Holder holder = access.resolve(token);
        access.send(holder.actor(), new UpdateAvailabilityCommand(holder.link().volunteerId(), request.toAvailability()),
                holder.link().volunteerId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/link/{token}/email-consent/withdrawal")
    @Operation(summary = "Stop e-mail: withdraw the consent to be contacted by e-mail (the e-mailed link stops with it)")
    public ResponseEntity<Void> stopEmails(@PathVariable String token) {
        PersonalLinkAccess.Holder holder = access.resolve(token);
        access.send(holder.actor(), new nrw.komman.kernel.volunteer.WithdrawEmailConsentCommand(holder.link().volunteerId(),
                today.now()), holder.link().volunteerId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/link/{token}/certificates", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue a confirmation of volunteering (Ehrenamtsnachweis); verifiable under /api/certificates/{certificateId}")
    public ResponseEntity<CertificateIssued> certificate(@PathVariable String token) {
        PersonalLinkAccess.Holder holder = access.resolve(token);
        CertificateId id = CertificateId.random();
        access.send(holder.actor(), new IssueCertificateCommand(holder.link().volunteerId(), id), holder.link().volunteerId());
        return Responses.created("/api/certificates/{certificateId}", new CertificateIssued(id), id);
    }

    @GetMapping(path = "/api/link/{token}/calendar.ics", produces = {CalendarFeeds.TEXT_CALENDAR, MediaType.ALL_VALUE})
    @Operation(summary = "The volunteer's assignments as an iCalendar feed (live and cancelled ones)")
    public ResponseEntity<String> calendar(@PathVariable String token) {
        return calendars.volunteerFeed(access.resolve(token));
    }
}
