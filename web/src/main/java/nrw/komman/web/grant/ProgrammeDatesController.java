package nrw.komman.web.grant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nrw.komman.kernel.grant.FetchProgrammeDatesQuery;
import nrw.komman.kernel.grant.ProgrammeDatesOverview;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.problem.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;

/**
 * The dates of each programme part (issue 19): when the usage report is due, the reminder before it, within how
 * many weeks an application is to be reviewed and decided. Everyone who reads grants reads them; the ministry sets
 * them, for grants applied for, reviewed and approved from then on.
 */
@RestController
@RequestMapping(path = "/api/programme-dates", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Programme dates", description = "The dates that matter in the grants of each programme part")
class ProgrammeDatesController {

    private final CommandDispatcher commands;
    private final QueryDispatcher queries;

    ProgrammeDatesController(CommandDispatcher commands, QueryDispatcher queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "The dates in force for every programme part (the defaults where the ministry set none)")
    public ProgrammeDatesOverview dates() {
        return queries.one(new FetchProgrammeDatesQuery(), ProgrammeDatesOverview.class, "programme-dates.not-found",
                "Die Fristen der Programmteile sind gerade nicht lesbar.");
    }

    @PutMapping(path = "/{programmePart}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the dates of a programme part (ministry)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> set(@PathVariable String programmePart, @Valid @RequestBody ProgrammeDatesRequest request) {
        ProgrammePart part = Arrays.stream(ProgrammePart.values()).filter(p -> p.name().equals(programmePart)).findFirst()
                .orElseThrow(() -> new InvalidFieldException("programmePart", "programmePart.unknown",
                        "Diesen Programmteil gibt es nicht (PART_I, PART_II_A, PART_II_B, PART_II_C, PART_II_D, PART_III)."));
        commands.sendAndAwait(request.toCommand(part), part.name());
        return ResponseEntity.noContent().build();
    }
}
