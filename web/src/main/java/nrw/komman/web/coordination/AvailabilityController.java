package nrw.komman.web.coordination;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nrw.komman.kernel.coordination.UpdateAvailabilityCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A coordinator records when a volunteer of their centre is usually free and away. */
@RestController
@Tag(name = "Volunteers")
class AvailabilityController {

    private final CommandDispatcher commands;

    AvailabilityController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PutMapping(path = "/api/volunteers/{volunteerId}/availability", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the volunteer's weekly availability (weekday × part of the day) and periods away")
    public ResponseEntity<Void> update(@PathVariable String volunteerId, @Valid @RequestBody AvailabilityRequest request) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        commands.sendAndAwait(new UpdateAvailabilityCommand(id, request.toAvailability()), id);
        return ResponseEntity.noContent().build();
    }
}
