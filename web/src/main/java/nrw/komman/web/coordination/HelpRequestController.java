package nrw.komman.web.coordination;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.coordination.CancelHelpRequestCommand;
import nrw.komman.kernel.coordination.CloseHelpRequestCommand;
import nrw.komman.kernel.coordination.FindHelpRequestQuery;
import nrw.komman.kernel.coordination.FindHelpRequestsQuery;
import nrw.komman.kernel.coordination.HelpRequestBoard;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.HelpRequestStatus;
import nrw.komman.kernel.coordination.HelpRequestView;
import nrw.komman.kernel.coordination.MatchVolunteersQuery;
import nrw.komman.kernel.coordination.VolunteerMatches;
import nrw.komman.web.coordination.AssignmentRequests.AssignmentReasonRequest;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Responses;
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
import java.util.Set;

/**
 * Requests for help (Einsatzanfragen) of a centre: recording, the board, one request, calling it off or closing it,
 * and the volunteers that match it. Only the centre's coordinators: the address rule, this controller's centre check
 * and the command and query sides' permission map.
 */
@RestController
@Tag(name = "Requests for help", description = "Einsatzanfragen of a centre and the matching volunteers (coordinators of that centre)")
class HelpRequestController {

    static final String NOT_FOUND = "help-request.not-found";
    static final String NOT_FOUND_TEXT = "Diese Einsatzanfrage gibt es nicht.";

    private final CommandDispatcher commands;
    private final QueryDispatcher queries;

    HelpRequestController(CommandDispatcher commands, QueryDispatcher queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public record HelpRequestOpened(HelpRequestId requestId) {
    }

    @PostMapping(path = "/api/centres/{centreId}/help-requests", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a request for help; the requester's name and contact, the place and the note are sealed")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<HelpRequestOpened> open(@PathVariable String centreId, @Valid @RequestBody OpenHelpRequestRequest request) {
        CentreId centre = Ids.centre("centreId", centreId);
        CentreAccess.requireOwnCentre(centre);
        HelpRequestId id = HelpRequestId.random();
        commands.sendAndAwait(request.toCommand(id, centre), id);
        return Responses.created("/api/help-requests/{requestId}", new HelpRequestOpened(id), id);
    }

    @GetMapping(path = "/api/centres/{centreId}/help-requests", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The centre's board: requests in the given states (open, partly staffed and staffed unless "
            + "named), soonest first; with from, those whose last day lies before it are left out")
    public HelpRequestBoard board(@PathVariable String centreId,
                                  @RequestParam(required = false) Set<HelpRequestStatus> status,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from) {
        CentreId centre = Ids.centre("centreId", centreId);
        CentreAccess.requireOwnCentre(centre);
        return queries.one(new FindHelpRequestsQuery(centre, status, from), HelpRequestBoard.class,
                "centre.not-found", "Das Integrationszentrum " + centre + " gibt es nicht.");
    }

    @GetMapping(path = "/api/help-requests/{requestId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One request with the requester's data (null once erased) and every assignment")
    public HelpRequestView request(@PathVariable String requestId) {
        return find(queries, Ids.helpRequest("requestId", requestId));
    }

    @PostMapping(path = "/api/help-requests/{requestId}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Call the request off with a reason; its live assignments are cancelled with it")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> cancel(@PathVariable String requestId, @Valid @RequestBody AssignmentReasonRequest request) {
        HelpRequestId id = Ids.helpRequest("requestId", requestId);
        if (request.reason() == null || request.reason().isBlank()) {
            throw new InvalidFieldException("reason", "help-request.cancel.reason-missing",
                    "Bitte geben Sie an, warum die Einsatzanfrage abgesagt wird.");
        }
        commands.sendAndAwait(new CancelHelpRequestCommand(id, request.reason()), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/help-requests/{requestId}/closure")
    @Operation(summary = "Mark the request as done; nothing more is asked for it and the retention of the requester's data starts")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> close(@PathVariable String requestId) {
        HelpRequestId id = Ids.helpRequest("requestId", requestId);
        commands.sendAndAwait(new CloseHelpRequestCommand(id), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/help-requests/{requestId}/matches", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The centre's active volunteers ranked for the request with the reasons (1 to 100, 20 unless "
            + "named); those booked or away at its time are only counted")
    public VolunteerMatches matches(@PathVariable String requestId, @RequestParam(defaultValue = "20") int limit) {
        HelpRequestId id = Ids.helpRequest("requestId", requestId);
        if (limit < 1 || limit > 100) {
            throw new InvalidFieldException("limit", "limit.out-of-range", "Es werden 1 bis 100 Vorschläge angezeigt.");
        }
        return queries.one(new MatchVolunteersQuery(id, limit), VolunteerMatches.class, NOT_FOUND, NOT_FOUND_TEXT);
    }

    /** The request as the read model knows it; another centre's is refused (403) here too. */
    static HelpRequestView find(QueryDispatcher queries, HelpRequestId id) {
        HelpRequestView view = queries.one(new FindHelpRequestQuery(id), HelpRequestView.class,
                NOT_FOUND, NOT_FOUND_TEXT);
        CentreAccess.requireOwnCentre(view.summary().centreId());
        return view;
    }
}
