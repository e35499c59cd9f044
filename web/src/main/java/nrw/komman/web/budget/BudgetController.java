package nrw.komman.web.budget;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.kernel.budget.BudgetOverview;
import nrw.komman.kernel.budget.FetchBudgetUseQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.grant.FundingYear;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ministry's budgets per funding year and programme part, optionally a centre's share, and how much
 * of them approved grants use. Approvals and amendments are checked against them on the command side.
 */
@RestController
@RequestMapping(path = "/api/budgets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Budgets", description = "Programme budgets and their use")
class BudgetController {

    private final CommandDispatcher commands;
    private final QueryDispatcher queries;

    BudgetController(CommandDispatcher commands, QueryDispatcher queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Budget use of a funding year per programme part and centre (ministry, grant authority, auditors)")
    public BudgetOverview budgets(@RequestParam Integer fundingYear) {
        int year = Ids.parse("fundingYear", null, ignored -> FundingYear.validate(fundingYear));
        return queries.one(new FetchBudgetUseQuery(year), BudgetOverview.class, "budget.not-found",
                "Für " + year + " gibt es keine Budgetübersicht.");
    }

    @PutMapping(path = "/{fundingYear}/{programmePart}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the state-wide budget of a funding year and programme part (ministry)",
            description = "Never below what is already approved against it.")
    public ResponseEntity<Void> setStateWide(@PathVariable String fundingYear, @PathVariable String programmePart,
                                             @Valid @RequestBody SetBudgetRequest request) {
        return set(budgetId(fundingYear, programmePart, null), request);
    }

    @PutMapping(path = "/{fundingYear}/{programmePart}/centres/{centreId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set a centre's share of a budget (ministry)",
            description = "Needs the state-wide budget first; never below what the centre has approved.")
    public ResponseEntity<Void> setForCentre(@PathVariable String fundingYear, @PathVariable String programmePart,
                                             @PathVariable String centreId, @Valid @RequestBody SetBudgetRequest request) {
        return set(budgetId(fundingYear, programmePart, Ids.centre("centreId", centreId)), request);
    }

    private ResponseEntity<Void> set(BudgetId id, SetBudgetRequest request) {
        commands.sendAndAwait(request.toCommand(id), id);
        return ResponseEntity.noContent().build();
    }

    private static BudgetId budgetId(String fundingYear, String programmePart, CentreId centre) {
        int year = Ids.parse("fundingYear", fundingYear, text -> {
            try {
                return FundingYear.validate(Integer.valueOf(text));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("fundingYear.malformed", "„" + text + "“ ist kein Förderjahr (z. B. 2027).");
            }
        });
        ProgrammePart part = Ids.parse("programmePart", programmePart, text -> {
            try {
                return ProgrammePart.valueOf(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("programmePart.unknown",
                        "Unbekannter Programmteil „" + text + "“ (z. B. PART_II_A).");
            }
        });
        return BudgetId.of(year, part, centre);
    }
}
