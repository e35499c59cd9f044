package nrw.komman.web.centre;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentreQuery;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.centre.EstablishCentreCommand;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Responses;
import nrw.komman.web.platform.Today;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(path = "/api/centres", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Centres", description = "The integration centres (Kommunale Integrationszentren); everyone signed in may read them")
class CentreController {

    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final Today today;

    CentreController(CommandDispatcher commands, QueryDispatcher queries, Today today) {
        this.commands = commands;
        this.queries = queries;
        this.today = today;
    }

    public record CentreCreated(CentreId centreId) {
    }

    @GetMapping
    @Operation(summary = "All centres, established and closed, ordered by key")
    public List<CentreView> centres() {
        return queries.list(new FindCentresQuery(), CentreView.class);
    }

    @GetMapping("/{centreId}")
    @Operation(summary = "One centre")
    public CentreView centre(@PathVariable String centreId) {
        CentreId id = Ids.centre("centreId", centreId);
        return queries.one(new FindCentreQuery(id), CentreView.class, "centre.not-found",
                "Das Integrationszentrum " + id + " gibt es nicht.");
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Establish a centre (ministry)")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<CentreCreated> establish(@Valid @RequestBody EstablishCentreRequest request) {
        EstablishCentreCommand command = request.toCommand(today.date());
        commands.sendAndAwait(command, command.centreId());
        return Responses.created("/api/centres/{centreId}", new CentreCreated(command.centreId()), command.centreId().value());
    }

    /*
     * Closing takes two ministry accounts (ADR 26): one proposes, another confirms; either withdraws. The former
     * POST /closure, which closed at once, is gone: a client that used it gets 404 instead of a silent proposal.
     */
    @PostMapping(path = "/{centreId}/closure-proposal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Propose to close a centre (ministry); nothing closes until another ministry account confirms")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> proposeClosure(@PathVariable String centreId, @Valid @RequestBody ClosureProposalRequest request) {
        CentreId id = Ids.centre("centreId", centreId);
        commands.sendAndAwait(request.toCommand(id, today.date()), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{centreId}/closure-proposal/confirmation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm another ministry account's proposal and close the centre (ministry, not the proposer)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> confirmClosure(@PathVariable String centreId, @Valid @RequestBody ClosureConfirmationRequest request) {
        CentreId id = Ids.centre("centreId", centreId);
        commands.sendAndAwait(request.toCommand(id), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{centreId}/closure-proposal/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw the pending proposal to close a centre, with a reason (ministry)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> withdrawClosure(@PathVariable String centreId, @Valid @RequestBody ClosureWithdrawalRequest request) {
        CentreId id = Ids.centre("centreId", centreId);
        commands.sendAndAwait(request.toCommand(id), id);
        return ResponseEntity.noContent().build();
    }
}
