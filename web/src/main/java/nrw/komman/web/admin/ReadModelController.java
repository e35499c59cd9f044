package nrw.komman.web.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nrw.komman.kernel.admin.FetchReadModelStatusQuery;
import nrw.komman.kernel.admin.ReadModelStatus;
import nrw.komman.kernel.admin.RebuildReadModelsCommand;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.QueryDispatcher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

/** The read models' event processors: status, and a rebuild by replaying every event (administrators). */
@RestController
@RequestMapping(path = "/api/admin/read-models", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration: read models", description = "Status and rebuild of the read models")
class ReadModelController {

    private final CommandDispatcher commands;
    private final QueryDispatcher queries;

    ReadModelController(CommandDispatcher commands, QueryDispatcher queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Every event processor: running, replaying, position and head")
    public List<ReadModelStatus> status() {
        return queries.list(new FetchReadModelStatusQuery(), ReadModelStatus.class);
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild every read model by replaying all events; follow the progress at GET /api/admin/read-models")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ResponseEntity<Void> rebuild() {
        commands.send(new RebuildReadModelsCommand());
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/admin/read-models").build().toUri())
                .build();
    }
}
