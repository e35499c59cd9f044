package nrw.komman.web.grant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nrw.komman.kernel.audit.ChainVerification;
import nrw.komman.kernel.audit.VerifyGrantChainQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.grant.AmendmentOutcome;
import nrw.komman.kernel.grant.FetchGrantHistoryQuery;
import nrw.komman.kernel.grant.FindGrantQuery;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.web.grant.GrantHistoryExport;
import nrw.komman.web.platform.problem.InvalidFieldException;
import nrw.komman.web.account.AccountPrincipal;
import nrw.komman.web.platform.security.CentreAccess;
import nrw.komman.web.platform.security.CurrentActor;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Responses;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * Grants (Zuwendungen) through their whole life: a coordinator applies and may withdraw, the grant
 * authority reviews, the ministry approves or rejects and amends; the centre draws funds and reports
 * their use, the grant authority disburses, closes and records repayments. Coordinators read only their
 * centre's grants; the others read all. The history can be verified against its hash chain and exported.
 */
@RestController
@RequestMapping(path = "/api/grants", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Grants", description = "Applications for KOMM-AN grants and their decisions")
class GrantController {

    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final GrantHistoryExport exports;
    private final GrantTexts texts;

    GrantController(CommandDispatcher commands, QueryDispatcher queries, GrantHistoryExport exports, GrantTexts texts) {
        this.commands = commands;
        this.queries = queries;
        this.exports = exports;
        this.texts = texts;
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
    @Operation(summary = "The grants register, filtered by centre, funding year, status, programme part and Regierungsbezirk",
            description = "For a coordinator the centre defaults to their own; another centre is refused.")
    public List<GrantView> grants(@RequestParam(required = false) String centreId,
                                  @RequestParam(required = false) Integer fundingYear,
                                  @RequestParam(required = false) GrantStatus status,
                                  @RequestParam(required = false) ProgrammePart programmePart,
                                  @RequestParam(required = false) Regierungsbezirk regierungsbezirk) {
        CentreId centre = Ids.optional("centreId", centreId, CentreId::new);
        AccountPrincipal principal = CurrentActor.principal().orElse(null);
        if (principal != null && principal.centreId() != null) {
            if (centre == null) {
                centre = principal.centreId();
            }
            CentreAccess.requireOwnCentre(centre);
        }
        return queries.list(new FindGrantsQuery(centre, fundingYear, status, programmePart, regierungsbezirk),
                GrantView.class).stream().map(texts::forApi).toList();
    }

    @GetMapping("/{grantId}")
    @Operation(summary = "One grant with amounts, decision and next step")
    public GrantView grant(@PathVariable String grantId) {
        GrantId id = Ids.grant("grantId", grantId);
        GrantView view = queries.one(new FindGrantQuery(id), GrantView.class, "grant.not-found",
                "Die Zuwendung " + id + " gibt es nicht.");
        CentreAccess.requireOwnCentre(view.centreId());
        return texts.forApi(view);
    }

    @GetMapping("/{grantId}/history")
    @Operation(summary = "Every fact of the grant in order, with who, when, why and the amounts")
    public GrantHistory history(@PathVariable String grantId) {
        return texts.forApi(readHistory(Ids.grant("grantId", grantId)));
    }

    @GetMapping("/{grantId}/audit-chain")
    @Operation(summary = "Verify the grant's hash chain against the event store",
            description = "With expectedHead and expectedLength from an earlier export, also proves that nothing "
                    + "changed since: matchesExpected is true only if the chain still has that head at that length.")
    public ChainVerification auditChain(@PathVariable String grantId,
                                        @RequestParam(required = false) String expectedHead,
                                        @RequestParam(required = false) Integer expectedLength) {
        GrantId id = Ids.grant("grantId", grantId);
        if ((expectedHead == null) != (expectedLength == null)) {
            throw new InvalidFieldException(expectedHead == null ? "expectedHead" : "expectedLength", "chain.expected.incomplete",
                    "Für den Vergleich mit einem früheren Export bitte Prüfwert und Zahl der Ereignisse angeben.");
        }
        expectedHead = expectedHead == null ? null : expectedHead.strip().toLowerCase(java.util.Locale.ROOT);
        if (expectedHead != null && !expectedHead.matches("[0-9a-f]{64}")) {
            throw new InvalidFieldException("expectedHead", "chain.expected.malformed",
                    "Der Prüfwert besteht aus 64 Hexadezimalzeichen (SHA-256).");
        }
        return queries.one(new VerifyGrantChainQuery(id, expectedHead, expectedLength), ChainVerification.class,
                "grant.not-found", "Die Zuwendung " + id + " gibt es nicht.");
    }

    @GetMapping(path = "/{grantId}/history.csv", produces = {"text/csv", MediaType.ALL_VALUE})
    @Operation(summary = "The grant's history as CSV for filing: grant data, facts, verification value")
    public ResponseEntity<byte[]> historyCsv(@PathVariable String grantId) {
        return export(Ids.grant("grantId", grantId), "csv", MediaType.parseMediaType("text/csv;charset=UTF-8"));
    }

    @GetMapping(path = "/{grantId}/history.pdf", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.ALL_VALUE})
    @Operation(summary = "The grant's history as PDF for filing: grant data, facts, verification value")
    public ResponseEntity<byte[]> historyPdf(@PathVariable String grantId) {
        return export(Ids.grant("grantId", grantId), "pdf", MediaType.APPLICATION_PDF);
    }

    private ResponseEntity<byte[]> export(GrantId id, String format, MediaType type) {
        GrantHistory history = readHistory(id);
        GrantView view = queries.one(new FindGrantQuery(id), GrantView.class, "grant.not-found",
                "Die Zuwendung " + id + " gibt es nicht.");
        ChainVerification chain = queries.one(new VerifyGrantChainQuery(id), ChainVerification.class,
                "grant.not-found", "Die Zuwendung " + id + " gibt es nicht.");
        byte[] body = "csv".equals(format) ? exports.csv(view, history, chain) : exports.pdf(view, history, chain);
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(exports.fileName(view, format)).build().toString())
                .body(body);
    }

    private GrantHistory readHistory(GrantId id) {
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

    public record AmendmentAnswer(AmendmentOutcome outcome) {
    }

    @PostMapping(path = "/{grantId}/amendments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Amend the approved amount of an approved grant, with a reason (ministry). A lower amount takes "
            + "effect (204); a higher one is proposed (202) and takes effect when another ministry account approves it")
    public ResponseEntity<AmendmentAnswer> amend(@PathVariable String grantId, @Valid @RequestBody AmendGrantRequest request) {
        GrantId id = Ids.grant("grantId", grantId);
        AmendmentOutcome outcome = commands.sendAndAwait(request.toCommand(id), id);
        return outcome == AmendmentOutcome.RAISE_PROPOSED
                ? ResponseEntity.accepted().body(new AmendmentAnswer(outcome))
                : ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{grantId}/raise/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve a pending raise of the approved amount (ministry; not who applied, reviewed or proposed it; within the budget)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> approveRaise(@PathVariable String grantId, @Valid @RequestBody RaiseApprovalRequest request) {
        GrantId id = Ids.grant("grantId", grantId);
        commands.sendAndAwait(request.toCommand(id), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{grantId}/raise/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw a pending raise of the approved amount, with a reason (ministry)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> withdrawRaise(@PathVariable String grantId, @Valid @RequestBody ReasonRequest request) {
        GrantId id = Ids.grant("grantId", grantId);
        commands.sendAndAwait(request.toRaiseWithdrawal(id), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{grantId}/usage-report-due", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move the usage report's due date, with a reason (grant authority; while the grant is approved "
            + "and the report not submitted, also when it is overdue)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> extendUsageReportDue(@PathVariable String grantId,
                                                     @Valid @RequestBody UsageReportDueRequest request) {
        GrantId id = Ids.grant("grantId", grantId);
        commands.sendAndAwait(request.toCommand(id), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{grantId}/tranches/{tranche}/spent")
    @Operation(summary = "Report a disbursed tranche's money as spent (coordinator of the grant's centre; once per tranche, "
            + "counted from 1)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> reportTrancheSpent(@PathVariable String grantId, @PathVariable String tranche) {
        GrantId id = Ids.grant("grantId", grantId);
        int number;
        try {
            number = GrantDatesPages.trancheNumber(tranche);
        } catch (nrw.komman.kernel.common.InvalidInputException e) {
            throw new InvalidFieldException("tranche", e);
        }
        commands.sendAndAwait(new nrw.komman.kernel.grant.ReportTrancheSpentCommand(id, number), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{grantId}/fund-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Draw funds of an approved grant (Mittelabruf; coordinator of the grant's centre)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> requestFunds(@PathVariable String grantId, @Valid @RequestBody FundsRequestRequest request) {
        GrantId id = Ids.grant("grantId", grantId);
        commands.sendAndAwait(request.toCommand(id), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{grantId}/disbursements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a disbursed tranche (grant authority; the total never above the approved amount)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> disburse(@PathVariable String grantId, @Valid @RequestBody DisbursementRequest request) {
        GrantId id = Ids.grant("grantId", grantId);
        commands.sendAndAwait(request.toCommand(id), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{grantId}/usage-report", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit the usage report (Verwendungsnachweis; coordinator of the grant's centre, once)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> reportUsage(@PathVariable String grantId, @Valid @RequestBody UsageReportRequest request) {
        GrantId id = Ids.grant("grantId", grantId);
        commands.sendAndAwait(request.toCommand(id), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{grantId}/closure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check the usage report and close the grant (grant authority); demands back disbursed − spent")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> close(@PathVariable String grantId, @Valid @RequestBody ClosureRequest request) {
        GrantId id = Ids.grant("grantId", grantId);
        commands.sendAndAwait(request.toCommand(id), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{grantId}/repayments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a repayment received on a closed grant's repayment demand (grant authority)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> repay(@PathVariable String grantId, @Valid @RequestBody RepaymentRequest request) {
        GrantId id = Ids.grant("grantId", grantId);
        commands.sendAndAwait(request.toCommand(id), id);
        return ResponseEntity.noContent().build();
    }
}
