package nrw.komman.web.api.grant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.grant.FetchGrantHistoryQuery;
import nrw.komman.kernel.grant.FindGrantQuery;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.web.problem.InvalidFieldException;
import nrw.komman.web.security.AccountPrincipal;
import nrw.komman.web.security.CentreAccess;
import nrw.komman.web.security.CurrentActor;
import nrw.komman.web.support.CommandDispatcher;
import nrw.komman.web.support.Ids;
import nrw.komman.web.support.QueryDispatcher;
import nrw.komman.web.support.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Grants (Zuwendungen): a coordinator applies and may withdraw, the grant authority reviews, the
 * ministry approves or rejects. Coordinators read only their centre's grants; the others read all.
 */
@RestController
@RequestMapping(path = "/api/grants", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Grants", description = "Applications for KOMM-AN grants and their decisions")
public class GrantController {

    private final CommandDispatcher commands;
    private final QueryDispatcher queries;

    public GrantController(CommandDispatcher commands, QueryDispatcher queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public record GrantCreated(GrantId grantId) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Apply for a grant for the coordinator's centre")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<GrantCreated> apply(@Valid @RequestBody ApplyForGrantRequest request) {
        CentreId centre = request.centreId() == null || request.centreId().isBlank()
                ? CurrentActor.principal().map(AccountPrincipal::centreId).orElse(null)
                : Ids.centre("centreId", request.centreId().strip());
        if (centre == null) {
            throw new InvalidFieldException("centreId", "centreId.missing", "Das Integrationszentrum fehlt.");
        }
        CentreAccess.requireOwnCentre(centre);
        GrantId id = GrantId.random();
        commands.sendAndAwait(request.toCommand(id, centre), id);
        return Responses.created("/api/grants/{grantId}", new GrantCreated(id), id);
    }

    @GetMapping
    @Operation(summary = "Grants filtered by centre, funding year and status",
            description = "For a coordinator the centre defaults to their own; another centre is refused.")
    public List<GrantView> grants(@RequestParam(required = false) String centreId,
                                  @RequestParam(required = false) Integer fundingYear,
                                  @RequestParam(required = false) GrantStatus status) {
        CentreId centre = Ids.optional("centreId", centreId, CentreId::new);
        AccountPrincipal principal = CurrentActor.principal().orElse(null);
        if (principal != null && principal.centreId() != null) {
            if (centre == null) {
                centre = principal.centreId();
            }
            CentreAccess.requireOwnCentre(centre);
        }
        return queries.list(new FindGrantsQuery(centre, fundingYear, status), GrantView.class);
    }

    @GetMapping("/{grantId}")
    @Operation(summary = "One grant with amounts, decision and next step")
    public GrantView grant(@PathVariable String grantId) {
        GrantId id = Ids.grant("grantId", grantId);
        GrantView view = queries.one(new FindGrantQuery(id), GrantView.class, "grant.not-found",
                "Die Zuwendung " + id + " gibt es nicht.");
        CentreAccess.requireOwnCentre(view.centreId());
        return view;
    }

    @GetMapping("/{grantId}/history")
    @Operation(summary = "Every fact of the grant in order, with who, when, why and the amounts")
    public GrantHistory history(@PathVariable String grantId) {
        GrantId id = Ids.grant("grantId", grantId);
        GrantHistory history = queries.one(new FetchGrantHistoryQuery(id), GrantHistory.class, "grant.not-found",
                "Die Zuwendung " + id + " gibt es nicht.");
        CentreAccess.requireOwnCentre(history.centreId());
        return history;
    }

    @PostMapping(path = "/{grantId}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Review an application (grant authority)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> review(@PathVariable String grantId, @Valid @RequestBody ReviewGrantRequest request) {
        GrantId id = Ids.grant("grantId", grantId);
        commands.sendAndAwait(request.toCommand(id), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{grantId}/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve a grant (ministry; neither the applicant nor the reviewer)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> approve(@PathVariable String grantId, @Valid @RequestBody ApproveGrantRequest request) {
        GrantId id = Ids.grant("grantId", grantId);
        commands.sendAndAwait(request.toCommand(id), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{grantId}/rejection", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reject an application with a reason (ministry)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> reject(@PathVariable String grantId, @Valid @RequestBody ReasonRequest request) {
        GrantId id = Ids.grant("grantId", grantId);
        commands.sendAndAwait(request.toRejection(id), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{grantId}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw an application before the decision, with a reason (applying centre)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> withdraw(@PathVariable String grantId, @Valid @RequestBody ReasonRequest request) {
        GrantId id = Ids.grant("grantId", grantId);
        commands.sendAndAwait(request.toWithdrawal(id), id);
        return ResponseEntity.noContent().build();
    }
}
