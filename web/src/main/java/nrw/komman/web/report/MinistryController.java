package nrw.komman.web.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nrw.komman.kernel.ministry.FetchMinistryOverviewQuery;
import nrw.komman.kernel.ministry.MinistryOverview;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** State-wide figures: counts, hours and money, never names (ministry, auditors, grant authority). */
@RestController
@Tag(name = "Ministry", description = "State-wide figures per centre, per Regierungsbezirk and for the state")
class MinistryController {

    private final QueryDispatcher queries;
    private final Today today;

    MinistryController(QueryDispatcher queries, Today today) {
        this.queries = queries;
        this.today = today;
    }

    @GetMapping(path = "/api/ministry/overview", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The overview of a funding year (the current year when absent)")
    public MinistryOverview overview(@RequestParam(required = false) Integer fundingYear) {
        int year = fundingYear == null ? today.date().getYear() : fundingYear;
        return queries.one(new FetchMinistryOverviewQuery(year), MinistryOverview.class, "overview.not-found",
                "Für das Förderjahr " + year + " gibt es keine Übersicht.");
    }
}
