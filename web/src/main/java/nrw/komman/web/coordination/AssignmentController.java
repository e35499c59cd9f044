package nrw.komman.web.coordination;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.coordination.AskVolunteerCommand;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.CancelAssignmentCommand;
import nrw.komman.kernel.coordination.CentreAssignments;
import nrw.komman.kernel.coordination.ConfirmAssignmentCommand;
import nrw.komman.kernel.coordination.DeclineAssignmentCommand;
import nrw.komman.kernel.coordination.FindCentreAssignmentsQuery;
import nrw.komman.kernel.coordination.FindVolunteerAssignmentsQuery;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.OfferToVolunteersCommand;
import nrw.komman.kernel.coordination.RecordAssignmentTookPlaceCommand;
import nrw.komman.kernel.coordination.RecordNoShowCommand;
import nrw.komman.kernel.coordination.ReplaceAssignmentCommand;
import nrw.komman.kernel.coordination.VolunteerAssignments;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.coordination.AssignmentRequests.AskVolunteerRequest;
import nrw.komman.web.coordination.AssignmentRequests.AssignmentNoShowRequest;
import nrw.komman.web.coordination.AssignmentRequests.AssignmentReasonRequest;
import nrw.komman.web.coordination.AssignmentRequests.AssignmentTookPlaceRequest;
import nrw.komman.web.coordination.AssignmentRequests.OfferToVolunteersRequest;
import nrw.komman.web.coordination.AssignmentRequests.ReplaceAssignmentRequest;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Responses;
import nrw.komman.web.platform.Today;
import nrw.komman.web.platform.problem.InvalidFieldException;
import nrw.komman.web.platform.security.CentreAccess;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Assignments (geplante Einsätze) of a request: asking one volunteer, offering to several, the volunteer's answer
 * recorded on their behalf, cancelling and replacing, and what became of it (it took place: an activity; nobody
 * came). The ids of the new assignments and activities are drawn here, so a retried command does not create two.
 */
@RestController
@Tag(name = "Assignments", description = "Volunteers asked for a request for help and what became of it (coordinators of the centre)")
class AssignmentController {

    private static final String BASE = "/api/help-requests/{requestId}/assignments";

    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final Today today;

    AssignmentController(CommandDispatcher commands, QueryDispatcher queries, Today today) {
        this.commands = commands;
        this.queries = queries;
        this.today = today;
    }

    public record AssignmentCreated(AssignmentId assignmentId) {
    }

    /** @param assignmentIds volunteer id → the id of the assignment offered to them */
    public record AssignmentsOffered(Map<String, String> assignmentIds) {
    }

    public record AssignmentActivityLogged(ActivityId activityId) {
    }

    @PostMapping(path = BASE, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask one active volunteer of the centre; their time is held until they answer (409 when booked)")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<AssignmentCreated> ask(@PathVariable String requestId, @Valid @RequestBody AskVolunteerRequest request) {
        HelpRequestId id = Ids.helpRequest("requestId", requestId);
        VolunteerId volunteer = Ids.volunteer("volunteerId", request.volunteerId());
        AssignmentId assignment = AssignmentId.random();
        commands.sendAndAwait(new AskVolunteerCommand(id, assignment, volunteer), id);
        return created(id, assignment);
    }

    @PostMapping(path = "/api/help-requests/{requestId}/offers", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Offer the open places to several volunteers at once: first come, first served until staffed")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<AssignmentsOffered> offer(@PathVariable String requestId,
                                                    @Valid @RequestBody OfferToVolunteersRequest request) {
        HelpRequestId id = Ids.helpRequest("requestId", requestId);
        Map<VolunteerId, AssignmentId> offers = new LinkedHashMap<>();
        for (String volunteer : request.volunteerIds()) {
            offers.putIfAbsent(Ids.volunteer("volunteerIds", volunteer), AssignmentId.random());
        }
        commands.sendAndAwait(new OfferToVolunteersCommand(id, offers), id);
        Map<String, String> body = new LinkedHashMap<>();
        offers.forEach((volunteer, assignment) -> body.put(volunteer.toString(), assignment.toString()));
        return Responses.created("/api/help-requests/{requestId}", new AssignmentsOffered(body), id);
    }

    @PostMapping(path = BASE + "/{assignmentId}/confirmation")
    @Operation(summary = "Record the volunteer's yes (they told the coordinator); 409 in the past or when the request is staffed")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> confirm(@PathVariable String requestId, @PathVariable String assignmentId) {
        HelpRequestId id = Ids.helpRequest("requestId", requestId);
        commands.sendAndAwait(new ConfirmAssignmentCommand(id, Ids.assignment("assignmentId", assignmentId)), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = BASE + "/{assignmentId}/declination", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the volunteer's no, with an optional reason; the held time is released")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> decline(@PathVariable String requestId, @PathVariable String assignmentId,
                                        @Valid @RequestBody AssignmentReasonRequest request) {
        HelpRequestId id = Ids.helpRequest("requestId", requestId);
        commands.sendAndAwait(new DeclineAssignmentCommand(id, Ids.assignment("assignmentId", assignmentId), request.reason()), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = BASE + "/{assignmentId}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel the assignment; after a confirmation a reason is required and kept")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> cancel(@PathVariable String requestId, @PathVariable String assignmentId,
                                       @Valid @RequestBody AssignmentReasonRequest request) {
        HelpRequestId id = Ids.helpRequest("requestId", requestId);
        commands.sendAndAwait(new CancelAssignmentCommand(id, Ids.assignment("assignmentId", assignmentId), request.reason()), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = BASE + "/{assignmentId}/replacement", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel the assignment and ask another volunteer in its place, in one step")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<AssignmentCreated> replace(@PathVariable String requestId, @PathVariable String assignmentId,
                                                     @Valid @RequestBody ReplaceAssignmentRequest request) {
        HelpRequestId id = Ids.helpRequest("requestId", requestId);
        AssignmentId replaced = Ids.assignment("assignmentId", assignmentId);
        VolunteerId volunteer = Ids.volunteer("volunteerId", request.volunteerId());
        AssignmentId replacement = AssignmentId.random();
        commands.sendAndAwait(new ReplaceAssignmentCommand(id, replaced, replacement, volunteer, request.reason()), id);
        return created(id, replacement);
    }

    @PostMapping(path = BASE + "/{assignmentId}/took-place", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The confirmed assignment took place on a day: logged as the volunteer's activity (the "
            + "request's minutes unless others are given)")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<AssignmentActivityLogged> tookPlace(@PathVariable String requestId, @PathVariable String assignmentId,
                                                              @Valid @RequestBody AssignmentTookPlaceRequest request) {
        HelpRequestId id = Ids.helpRequest("requestId", requestId);
        AssignmentId assignment = Ids.assignment("assignmentId", assignmentId);
        int minutes = request.minutes() != null ? request.minutes()
                : HelpRequestController.find(queries, id).summary().minutes();
        if (minutes < 1 || minutes > 1440) {
            throw new InvalidFieldException("minutes", "activity.duration.out-of-range",
                    "Die Dauer muss mehr als 0 und höchstens 24 Stunden sein.");
        }
        ActivityId activity = ActivityId.random();
        commands.sendAndAwait(new RecordAssignmentTookPlaceCommand(id, assignment, request.day(), minutes, activity), id);
        return Responses.created("/api/help-requests/{requestId}", new AssignmentActivityLogged(activity), id);
    }

    @PostMapping(path = BASE + "/{assignmentId}/no-show", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The volunteer did not come on a day of the confirmed assignment: a fact, never an activity")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> noShow(@PathVariable String requestId, @PathVariable String assignmentId,
                                       @Valid @RequestBody AssignmentNoShowRequest request) {
        HelpRequestId id = Ids.helpRequest("requestId", requestId);
        commands.sendAndAwait(new RecordNoShowCommand(id, Ids.assignment("assignmentId", assignmentId), request.day()), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/volunteers/{volunteerId}/assignments", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A volunteer's assignments: the upcoming live ones with upcoming=true, else all")
    public VolunteerAssignments ofVolunteer(@PathVariable String volunteerId,
                                            @RequestParam(defaultValue = "false") boolean upcoming) {
        VolunteerId volunteer = Ids.volunteer("volunteerId", volunteerId);
        return queries.one(new FindVolunteerAssignmentsQuery(volunteer, upcoming), VolunteerAssignments.class,
                "volunteer.not-found", "Unter dieser Kennung ist niemand registriert.");
    }

    @GetMapping(path = "/api/centres/{centreId}/assignments", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The centre's assignments with a day in the period (at most a year; from today for 90 days "
            + "unless named)")
    public CentreAssignments ofCentre(@PathVariable String centreId,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        CentreId centre = Ids.centre("centreId", centreId);
        CentreAccess.requireOwnCentre(centre);
        LocalDate first = from == null ? today.date() : from;
        LocalDate last = to == null ? first.plusDays(90) : to;
        FindCentreAssignmentsQuery query = Ids.parse("from", null, ignored -> new FindCentreAssignmentsQuery(centre, first, last));
        return queries.one(query, CentreAssignments.class,
                "centre.not-found", "Das Integrationszentrum " + centre + " gibt es nicht.");
    }

    private static ResponseEntity<AssignmentCreated> created(HelpRequestId request, AssignmentId assignment) {
        return Responses.created("/api/help-requests/{requestId}", new AssignmentCreated(assignment), request);
    }
}
