package nrw.komman.web.coordination;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nrw.komman.kernel.coordination.CoordinationFigures;
import nrw.komman.kernel.coordination.FetchCoordinationFiguresQuery;
import nrw.komman.web.platform.QueryDispatcher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** The state's coordination figures for the ministry, the grant authority and auditors: counts only, never a name. */
@RestController
@Tag(name = "Ministry", description = "State-wide figures per centre, per Regierungsbezirk and for the state")
class CoordinationFiguresController {

    private final QueryDispatcher queries;

    CoordinationFiguresController(QueryDispatcher queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/api/state/coordination", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Requests for help state-wide: by state, staffing rate, median hours to staff, unmet demand by "
            + "language and Regierungsbezirk; as of a day (now unless named)")
    public CoordinationFigures figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return queries.one(new FetchCoordinationFiguresQuery(asOf), CoordinationFigures.class, "coordination.figures.not-found",
                "Zu diesem Stand gibt es noch keine Zahlen zu Einsatzanfragen.");
    }
}
